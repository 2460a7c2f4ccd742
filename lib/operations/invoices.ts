import { invoiceResponseSchema } from "../validations/invoice";
import { paginationQuerySchema } from "../validations/pagination";
import { listOf } from "../validations/responses";
import { customerIdParams, defineOperation, idParams } from "./define-operation";

const billing = { tag: "Billing", public: true } as const;

export const listCustomerInvoices = defineOperation({
  ...billing,
  operationId: "listCustomerInvoices",
  method: "GET",
  path: "/customers/{id}/invoices.json",
  permission: "read",
  summary: "List the customer's invoices (subscriptions' and charges'), newest first",
  params: customerIdParams,
  query: paginationQuerySchema,
  idempotency: "none",
  response: {
    status: 200,
    description: "A page of invoices",
    schema: listOf(invoiceResponseSchema, "InvoiceList"),
  },
  errors: { 404: "No such customer" },
});

export const getInvoice = defineOperation({
  ...billing,
  operationId: "getInvoice",
  method: "GET",
  path: "/invoices/{id}.json",
  permission: "read",
  summary: "Retrieve an invoice: number, status, amounts with tax, the customer as printed, its page and PDF",
  params: idParams("invoice", "The invoice's eid"),
  idempotency: "none",
  response: { status: 200, description: "The invoice", schema: invoiceResponseSchema },
  errors: { 404: "No such invoice" },
});

/** In the order the document lists them. */
export const invoiceOperations = [listCustomerInvoices, getInvoice];

import { paymentLinkSummaryResponseSchema } from "../validations/activity-responses";
import { paginationQuerySchema } from "../validations/pagination";
import { paymentLinkQuerySchema } from "../validations/payment-link";
import { listOf, paymentLinkResponseSchema } from "../validations/responses";
import { customerIdParams, defineOperation } from "./define-operation";

export const createPaymentLink = defineOperation({
  operationId: "createPaymentLink",
  method: "GET",
  path: "/customers/{id}/payment_link.json",
  // A GET that creates: each call makes a new link (and
  // revokes the previous unused one), so it needs the write permission.
  permission: "write",
  createsOnGet: true,
  public: true,
  tag: "Payment links",
  summary: "Create a one-time payment link (revokes the customer's earlier unused links)",
  description: "Needs the write permission: every call creates a new link.",
  params: customerIdParams,
  query: paymentLinkQuerySchema,
  idempotency: "none",
  response: { status: 200, description: "The new link", schema: paymentLinkResponseSchema },
  errors: { 404: "No such customer", 409: "Customer not active" },
});

export const listPaymentLinks = defineOperation({
  operationId: "listPaymentLinks",
  method: "GET",
  path: "/customers/{id}/payment_links.json",
  permission: "read",
  public: true,
  tag: "Payment links",
  summary:
    "The customer's payment links, newest first, and where each stands (no URLs); by cursor, 20 a page unless `limit` says otherwise",
  params: customerIdParams,
  query: paginationQuerySchema,
  idempotency: "none",
  response: {
    status: 200,
    description: "A page of payment links",
    schema: listOf(paymentLinkSummaryResponseSchema, "PaymentLinkList"),
  },
  errors: { 404: "No such customer", 422: "Bad `limit` or `cursor`, or an unknown parameter" },
});

/** In the order the document lists them. */
export const paymentLinkOperations = [createPaymentLink, listPaymentLinks];

import { stringify } from "csv-stringify/sync";
import { z } from "zod";
import { csvColumns, csvRecord } from "../serializers/customer-csv";
import { createCustomerSchema, updateCustomerSchema } from "../validations/customer";
import { exportCustomersQuerySchema, listCustomersQuerySchema } from "../validations/customer-list-query";
import { customerExample } from "../validations/examples";
import { patchPropertiesSchema, replacePropertiesSchema } from "../validations/properties";
import { customerResponseSchema, listOf } from "../validations/responses";
import { customerIdParams, defineOperation } from "./define-operation";

const customer = { tag: "Customers", public: true } as const;

export const listCustomers = defineOperation({
  ...customer,
  operationId: "listCustomers",
  method: "GET",
  path: "/customers.json",
  permission: "read",
  summary: "List customers by filters and sort, newest first by default",
  description:
    "Filters combine (and). `mrr_gte`, `mrr_lte` and `sort=mrr` need `currency`. `include[]=total_count` adds how many customers match.",
  query: listCustomersQuerySchema,
  idempotency: "none",
  response: {
    status: 200,
    description: "A page of customers",
    schema: listOf(customerResponseSchema, "CustomerList", {
      total_count: z
        .number()
        .int()
        .optional()
        .meta({ description: "With `include[]=total_count`: how many customers the filters match" }),
    }),
  },
  errors: { 422: "Unknown parameter or bad value (`errors[].field` names it)" },
});

/** The document's example file: the customer example as the export writes it (one serializer). */
function csvExample(): string {
  const customer = customerExample as Parameters<typeof csvRecord>[0];
  const columns = csvColumns(
    Object.keys(customer.mrr),
    customer.properties.map((property) => property.key),
  );
  return stringify([columns.header, csvRecord(customer, columns)]);
}

export const exportCustomers = defineOperation({
  ...customer,
  operationId: "exportCustomers",
  method: "GET",
  path: "/customers.csv",
  permission: "read",
  summary: "Every customer the filters match, as CSV (streamed)",
  description:
    "The list's filters and sort. One header line: the customer's fields, `mrr_<CUR>` per currency and `property.<key>` per property key present among the rows. Cells that a spreadsheet would run as a formula start with `'`.",
  query: exportCustomersQuerySchema,
  idempotency: "none",
  report: true,
  response: {
    status: 200,
    description: "The CSV file",
    schema: z.string().meta({ example: csvExample() }),
    contentType: "text/csv",
  },
  errors: { 422: "Unknown parameter or bad value (`errors[].field` names it)" },
});

export const createCustomer = defineOperation({
  ...customer,
  operationId: "createCustomer",
  method: "POST",
  path: "/customers.json",
  permission: "write",
  summary: "Create a customer",
  body: { schema: createCustomerSchema, required: true },
  idempotency: "allowed",
  response: { status: 201, description: "The new customer", schema: customerResponseSchema },
  errors: { 409: "external_id taken (`existing_id` names the customer) or idempotency key in use" },
});

export const getCustomer = defineOperation({
  ...customer,
  operationId: "getCustomer",
  method: "GET",
  path: "/customers/{id}.json",
  permission: "read",
  summary: "Retrieve a customer",
  params: customerIdParams,
  idempotency: "none",
  response: { status: 200, description: "The customer", schema: customerResponseSchema },
  errors: { 404: "No such customer" },
});

export const updateCustomer = defineOperation({
  ...customer,
  operationId: "updateCustomer",
  method: "PATCH",
  path: "/customers/{id}.json",
  permission: "write",
  summary: "Update email, company name, address (merged) or status (active ↔ suspended)",
  params: customerIdParams,
  body: { schema: updateCustomerSchema, required: true },
  idempotency: "none",
  response: { status: 200, description: "The updated customer", schema: customerResponseSchema },
  errors: { 404: "No such customer", 409: "Customer deleted" },
});

export const deleteCustomer = defineOperation({
  ...customer,
  operationId: "deleteCustomer",
  method: "DELETE",
  path: "/customers/{id}.json",
  permission: "write",
  summary: "Soft-delete a customer: revokes open payment links, cancels subscriptions",
  params: customerIdParams,
  idempotency: "none",
  response: { status: 200, description: "The deleted customer", schema: customerResponseSchema },
  errors: { 404: "No such customer" },
});

export const replaceCustomerProperties = defineOperation({
  ...customer,
  operationId: "replaceCustomerProperties",
  method: "PUT",
  path: "/customers/{id}/properties.json",
  permission: "write",
  summary: "Replace the customer's whole set of key-value properties",
  params: customerIdParams,
  body: { schema: replacePropertiesSchema, required: true },
  idempotency: "none",
  response: { status: 200, description: "The customer", schema: customerResponseSchema },
  errors: { 404: "No such customer", 409: "Customer deleted" },
});

export const patchCustomerProperties = defineOperation({
  ...customer,
  operationId: "patchCustomerProperties",
  method: "PATCH",
  path: "/customers/{id}/properties.json",
  permission: "write",
  summary: "Set or remove (null) the named properties, leaving every other key alone",
  params: customerIdParams,
  body: { schema: patchPropertiesSchema, required: true },
  idempotency: "none",
  response: { status: 200, description: "The customer", schema: customerResponseSchema },
  errors: { 404: "No such customer", 409: "Customer deleted" },
});

/** In the order the document lists them. */
export const customerOperations = [
  listCustomers,
  exportCustomers,
  createCustomer,
  getCustomer,
  updateCustomer,
  deleteCustomer,
  replaceCustomerProperties,
  patchCustomerProperties,
];

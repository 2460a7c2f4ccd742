import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from "zod-openapi";
import {
  createCustomerSchema,
  listCustomersQuerySchema,
  updateCustomerSchema,
} from "../validations/customer";
import { paymentLinkQuerySchema } from "../validations/payment-link";
import { replacePropertiesSchema } from "../validations/properties";
import {
  customerResponseSchema,
  listOf,
  paymentLinkResponseSchema,
  problemSchema,
} from "../validations/responses";

// The OpenAPI 3.1 document of the public API, generated from the same zod schemas the route
// handlers parse with, so the two cannot drift apart.

const json = (schema: z.ZodType) => ({ content: { "application/json": { schema } } });
const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: problemSchema } },
});
const customerIdParam = z.object({
  id: z.string().meta({ description: "The customer's eid", example: "cus_01JDQ3X5Z4Q8M2N6P7R9S0T1V2" }),
});
const idempotencyHeader = z.object({
  "idempotency-key": z
    .string()
    .max(255)
    .optional()
    .meta({ description: "A retry with the same key and body replays the first response (kept 24 h)." }),
});

const common = {
  401: problem("No or bad credentials"),
  403: problem("The key or role lacks the right"),
};
const writes = {
  ...common,
  400: problem("Malformed JSON"),
  413: problem("Body larger than 1 MB"),
  422: problem("Validation failed; `errors` names every bad field"),
};

const op = (operation: ZodOpenApiOperationObject): ZodOpenApiOperationObject => operation;

export const paths: ZodOpenApiPathsObject = {
  "/customers.json": {
    get: op({
      operationId: "listCustomers",
      summary: "List customers, newest first",
      tags: ["Customers"],
      requestParams: { query: listCustomersQuerySchema },
      responses: {
        200: { description: "A page of customers", ...json(listOf(customerResponseSchema, "CustomerList")) },
        422: problem("Bad filter"),
        ...common,
      },
    }),
    post: op({
      operationId: "createCustomer",
      summary: "Create a customer",
      tags: ["Customers"],
      requestParams: { header: idempotencyHeader },
      requestBody: json(createCustomerSchema),
      responses: {
        201: { description: "The new customer", ...json(customerResponseSchema) },
        409: problem("external_id taken (`existing_id` names the customer) or idempotency key in use"),
        ...writes,
      },
    }),
  },
  "/customers/{id}.json": {
    get: op({
      operationId: "getCustomer",
      summary: "Retrieve a customer",
      tags: ["Customers"],
      requestParams: { path: customerIdParam },
      responses: {
        200: { description: "The customer", ...json(customerResponseSchema) },
        404: problem("No such customer"),
        ...common,
      },
    }),
    patch: op({
      operationId: "updateCustomer",
      summary: "Update email, company name, address (merged) or status (active ↔ suspended)",
      tags: ["Customers"],
      requestParams: { path: customerIdParam },
      requestBody: json(updateCustomerSchema),
      responses: {
        200: { description: "The updated customer", ...json(customerResponseSchema) },
        404: problem("No such customer"),
        409: problem("Customer deleted"),
        ...writes,
      },
    }),
    delete: op({
      operationId: "deleteCustomer",
      summary: "Soft-delete a customer: revokes open payment links, cancels subscriptions",
      tags: ["Customers"],
      requestParams: { path: customerIdParam },
      responses: {
        200: { description: "The deleted customer", ...json(customerResponseSchema) },
        404: problem("No such customer"),
        ...common,
      },
    }),
  },
  "/customers/{id}/properties.json": {
    put: op({
      operationId: "replaceCustomerProperties",
      summary: "Replace the customer's whole set of key-value properties",
      tags: ["Customers"],
      requestParams: { path: customerIdParam },
      requestBody: json(replacePropertiesSchema),
      responses: {
        200: { description: "The customer", ...json(customerResponseSchema) },
        404: problem("No such customer"),
        409: problem("Customer deleted"),
        ...writes,
      },
    }),
  },
  "/customers/{id}/payment_link.json": {
    get: op({
      operationId: "createPaymentLink",
      summary: "Create a one-time payment link (revokes the customer's earlier unused links)",
      description: "Needs the write permission: every call creates a new link.",
      tags: ["Payment links"],
      requestParams: { path: customerIdParam, query: paymentLinkQuerySchema },
      responses: {
        200: { description: "The new link", ...json(paymentLinkResponseSchema) },
        404: problem("No such customer"),
        409: problem("Customer not active"),
        ...common,
      },
    }),
  },
};

let cached: ReturnType<typeof createDocument> | undefined;

export function openApiDocument() {
  cached ??= createDocument({
    openapi: "3.1.0",
    info: {
      title: "DonutWork API",
      version: "1.0.0",
      description:
        "Customers, payment onboarding, billing and health. Authenticate with `Authorization: Bearer <API key>`. Errors are RFC 9457 problem details.",
    },
    servers: [{ url: "/" }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: {
        bearer: {
          type: "http",
          scheme: "bearer",
          description: "An API key (dw_…) from `donutwork api-key create`",
        },
      },
    },
    paths,
  });
  return cached;
}

import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from "zod-openapi";
import {
  auditEntryResponseSchema,
  createdWebhookEndpointResponseSchema,
  deletedWebhookEndpointResponseSchema,
  paymentLinkSummaryResponseSchema,
  paymentMethodResponseSchema,
  webhookDeliveryResponseSchema,
  webhookEndpointResponseSchema,
} from "../validations/activity-responses";
import {
  bookMetricsResponseSchema,
  chargeResponseSchema,
  customerMetricsResponseSchema,
  graphResponseSchema,
  subscriptionResponseSchema,
} from "../validations/billing-responses";
import { createChargeSchema, refundChargeSchema } from "../validations/charge";
import {
  createCustomerSchema,
  listCustomersQuerySchema,
  updateCustomerSchema,
} from "../validations/customer";
import { paginationQuerySchema } from "../validations/pagination";
import { paymentLinkQuerySchema } from "../validations/payment-link";
import { listPaymentMethodsQuerySchema } from "../validations/payment-method";
import { replacePropertiesSchema } from "../validations/properties";
import {
  customerResponseSchema,
  listOf,
  paymentLinkResponseSchema,
  problemSchema,
} from "../validations/responses";
import { updateStaffUserSchema } from "../validations/staff-user";
import { staffUserResponseSchema } from "../validations/staff-user-responses";
import {
  bookMetricsQuerySchema,
  cancelSubscriptionQuerySchema,
  createSubscriptionSchema,
  updateSubscriptionSchema,
} from "../validations/subscription";
import { createWebhookEndpointSchema } from "../validations/webhook-endpoint";

// The OpenAPI 3.1 document of the public API, generated from the same zod schemas the route
// handlers parse with, so the two cannot drift apart.

const json = (schema: z.ZodType) => ({ content: { "application/json": { schema } } });
/** A request body that must be sent (every one but a refund's, where none means "all of it"). */
const body = (schema: z.ZodType) => ({ required: true, ...json(schema) });
const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: problemSchema } },
});
const customerIdParam = z.object({
  id: z.string().meta({ description: "The customer's eid", example: "cus_01JDQ3X5Z4Q8M2N6P7R9S0T1V2" }),
});
const subscriptionIdParam = z.object({
  id: z.string().meta({ description: "The subscription's eid", example: "sub_01JDQ3X5Z4Q8M2N6P7R9S0T1V2" }),
});
const chargeIdParam = z.object({
  id: z.string().meta({ description: "The charge's eid", example: "ch_01JDQ3X5Z4Q8M2N6P7R9S0T1V2" }),
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
      requestBody: body(createCustomerSchema),
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
      requestBody: body(updateCustomerSchema),
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
      requestBody: body(replacePropertiesSchema),
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
  "/customers/{id}/subscriptions.json": {
    get: op({
      operationId: "listSubscriptions",
      summary: "List the customer's subscriptions, newest first",
      tags: ["Billing"],
      requestParams: { path: customerIdParam, query: paginationQuerySchema },
      responses: {
        200: {
          description: "A page of subscriptions",
          ...json(listOf(subscriptionResponseSchema, "SubscriptionList")),
        },
        404: problem("No such customer"),
        ...common,
      },
    }),
    post: op({
      operationId: "createSubscription",
      summary:
        "Subscribe the customer on its default card (a declined first payment gives status incomplete)",
      tags: ["Billing"],
      requestParams: { path: customerIdParam, header: idempotencyHeader },
      requestBody: body(createSubscriptionSchema),
      responses: {
        201: { description: "The new subscription", ...json(subscriptionResponseSchema) },
        404: problem("No such customer"),
        409: problem("Customer not active, or no default payment method"),
        502: problem("Stripe unreachable; retry with the same Idempotency-Key"),
        ...writes,
      },
    }),
  },
  "/subscriptions/{id}.json": {
    get: op({
      operationId: "getSubscription",
      summary: "Retrieve a subscription",
      tags: ["Billing"],
      requestParams: { path: subscriptionIdParam },
      responses: {
        200: { description: "The subscription", ...json(subscriptionResponseSchema) },
        404: problem("No such subscription"),
        ...common,
      },
    }),
    patch: op({
      operationId: "updateSubscription",
      summary: "Change the quantity, unit amount or description; Stripe prorates",
      tags: ["Billing"],
      requestParams: { path: subscriptionIdParam },
      requestBody: body(updateSubscriptionSchema),
      responses: {
        200: { description: "The updated subscription", ...json(subscriptionResponseSchema) },
        404: problem("No such subscription"),
        409: problem("Subscription ended"),
        ...writes,
      },
    }),
    delete: op({
      operationId: "cancelSubscription",
      summary: "Cancel now, or with ?at_period_end=true at the end of the paid period",
      tags: ["Billing"],
      requestParams: { path: subscriptionIdParam, query: cancelSubscriptionQuerySchema },
      responses: {
        200: { description: "The subscription", ...json(subscriptionResponseSchema) },
        404: problem("No such subscription"),
        ...common,
      },
    }),
  },
  "/customers/{id}/charges.json": {
    get: op({
      operationId: "listCharges",
      summary: "List the customer's charges, newest first",
      tags: ["Billing"],
      requestParams: { path: customerIdParam, query: paginationQuerySchema },
      responses: {
        200: { description: "A page of charges", ...json(listOf(chargeResponseSchema, "ChargeList")) },
        404: problem("No such customer"),
        ...common,
      },
    }),
    post: op({
      operationId: "createCharge",
      summary: "Charge the default card once (Idempotency-Key required); a decline is a failed charge",
      tags: ["Billing"],
      requestParams: {
        path: customerIdParam,
        header: z.object({ "idempotency-key": z.string().min(1).max(255).meta({ description: "Required" }) }),
      },
      requestBody: body(createChargeSchema),
      responses: {
        201: {
          description: "The charge: succeeded, failed (with Stripe's reason) or pending",
          ...json(chargeResponseSchema),
        },
        404: problem("No such customer"),
        409: problem("Customer not active, no default payment method, or the key is in use"),
        502: problem("Stripe unreachable; retry with the same Idempotency-Key"),
        ...writes,
      },
    }),
  },
  "/charges/{id}.json": {
    get: op({
      operationId: "getCharge",
      summary: "Retrieve a charge with its refunds",
      tags: ["Billing"],
      requestParams: { path: chargeIdParam },
      responses: {
        200: { description: "The charge", ...json(chargeResponseSchema) },
        404: problem("No such charge"),
        ...common,
      },
    }),
  },
  "/charges/{id}/refund.json": {
    post: op({
      operationId: "refundCharge",
      summary: 'Refund a succeeded charge: `{}` for all that is left, `{"amount"}` for part of it',
      tags: ["Billing"],
      requestParams: { path: chargeIdParam, header: idempotencyHeader },
      requestBody: json(refundChargeSchema),
      responses: {
        200: { description: "The charge with its refunds", ...json(chargeResponseSchema) },
        404: problem("No such charge"),
        409: problem("Charge not succeeded, or already fully refunded"),
        ...writes,
      },
    }),
  },
  "/customers/{id}/payment_methods.json": {
    get: op({
      operationId: "listPaymentMethods",
      summary: "The customer's saved cards, newest first, the default one flagged",
      tags: ["Customers"],
      requestParams: { path: customerIdParam, query: listPaymentMethodsQuerySchema },
      responses: {
        200: {
          description: "Up to 100 cards",
          ...json(listOf(paymentMethodResponseSchema, "PaymentMethodList")),
        },
        404: problem("No such customer"),
        422: problem("include_detached is neither true nor false, or an unknown parameter"),
        ...common,
      },
    }),
  },
  "/customers/{id}/payment_links.json": {
    get: op({
      operationId: "listPaymentLinks",
      summary:
        "The customer's 20 newest payment links and where each stands (no URLs); has_more if older ones exist",
      tags: ["Payment links"],
      requestParams: { path: customerIdParam },
      responses: {
        200: {
          description: "The newest links",
          ...json(listOf(paymentLinkSummaryResponseSchema, "PaymentLinkList")),
        },
        404: problem("No such customer"),
        ...common,
      },
    }),
  },
  "/customers/{id}/webhook_deliveries.json": {
    get: op({
      operationId: "listWebhookDeliveries",
      summary:
        "The 20 newest outgoing webhook deliveries about the customer; has_more if older ones exist. Without the right to manage endpoints, endpoint_url is only the endpoint's origin",
      tags: ["Webhooks"],
      requestParams: { path: customerIdParam },
      responses: {
        200: {
          description: "The newest deliveries",
          ...json(listOf(webhookDeliveryResponseSchema, "WebhookDeliveryList")),
        },
        404: problem("No such customer"),
        ...common,
      },
    }),
  },
  "/customers/{id}/audit_trail.json": {
    get: op({
      operationId: "listAuditTrail",
      summary:
        "The 50 newest changes to the customer, its payment links and its cards; has_more if older ones exist",
      tags: ["Customers"],
      requestParams: { path: customerIdParam },
      responses: {
        200: { description: "The newest changes", ...json(listOf(auditEntryResponseSchema, "AuditTrail")) },
        404: problem("No such customer"),
        ...common,
      },
    }),
  },
  "/webhook_endpoints.json": {
    get: op({
      operationId: "listWebhookEndpoints",
      summary: "The registered webhook endpoints (without their secrets)",
      tags: ["Webhooks"],
      responses: {
        200: {
          description: "Every live endpoint",
          ...json(listOf(webhookEndpointResponseSchema, "WebhookEndpointList")),
        },
        ...common,
      },
    }),
    post: op({
      operationId: "createWebhookEndpoint",
      summary:
        "Register an endpoint for DonutWork's signed webhooks (Standard Webhooks); the secret is shown once",
      tags: ["Webhooks"],
      requestParams: { header: idempotencyHeader },
      requestBody: body(createWebhookEndpointSchema),
      responses: {
        201: { description: "Registered", ...json(createdWebhookEndpointResponseSchema) },
        409: problem("The installation already has WEBHOOK_MAX_ENDPOINTS endpoints (`limit`, `max`)"),
        ...writes,
      },
    }),
  },
  "/webhook_endpoints/{id}.json": {
    delete: op({
      operationId: "deleteWebhookEndpoint",
      summary: "Stop deliveries to an endpoint (its delivery history stays)",
      tags: ["Webhooks"],
      requestParams: {
        path: z.object({
          id: z
            .string()
            .meta({ description: "The endpoint's eid", example: "we_01JDQ3X5Z4Q8M2N6P7R9S0T1V2" }),
        }),
      },
      responses: {
        200: { description: "Deleted", ...json(deletedWebhookEndpointResponseSchema) },
        404: problem("No such endpoint"),
        ...common,
      },
    }),
  },
  "/staff_users/{id}.json": {
    patch: op({
      operationId: "updateStaffUser",
      summary: "Change a staff user's role, disable or enable them, or set a new password",
      description:
        "Admins only, with their staff session (API keys are refused). Disabling and a new password end every session of the user; a role change applies from the user's next request. The last enabled admin cannot be demoted or disabled (409).",
      tags: ["Staff"],
      requestParams: {
        path: z.object({
          id: z
            .string()
            .meta({ description: "The staff user's eid", example: "usr_01JDQ3X5Z4Q8M2N6P7R9S0T1V2" }),
        }),
      },
      requestBody: { required: true, ...json(updateStaffUserSchema) },
      responses: {
        200: { description: "The updated staff user", ...json(staffUserResponseSchema) },
        404: problem("No such staff user"),
        409: problem("The last enabled admin cannot be demoted or disabled; `errors` names the field"),
        ...writes,
      },
    }),
  },
  "/customers/{id}/metrics.json": {
    get: op({
      operationId: "getCustomerMetrics",
      summary: "MRR/YRR per currency, 90 days of history and risk",
      tags: ["Health"],
      requestParams: { path: customerIdParam },
      responses: {
        200: { description: "The customer's metrics", ...json(customerMetricsResponseSchema) },
        404: problem("No such customer"),
        ...common,
      },
    }),
  },
  "/customers/{id}/graph.json": {
    get: op({
      operationId: "getCustomerGraph",
      summary: "The customer's relationship graph (nodes and edges)",
      tags: ["Health"],
      requestParams: { path: customerIdParam },
      responses: {
        200: { description: "The graph", ...json(graphResponseSchema) },
        404: problem("No such customer"),
        ...common,
      },
    }),
  },
  "/metrics.json": {
    get: op({
      operationId: "getBookMetrics",
      summary: "Per-currency MRR/YRR, customer counts, movements over a period, customers at risk",
      tags: ["Health"],
      requestParams: { query: bookMetricsQuerySchema },
      responses: {
        200: { description: "The book's metrics", ...json(bookMetricsResponseSchema) },
        422: problem("Bad period"),
        429: problem("More report requests at once than this key or user may run (Retry-After)"),
        503: problem("The report ran past its time limit, or the report connections are busy (Retry-After)"),
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

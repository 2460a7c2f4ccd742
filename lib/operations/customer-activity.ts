import {
  auditEntryResponseSchema,
  paymentMethodResponseSchema,
  webhookDeliveryResponseSchema,
} from "../validations/activity-responses";
import { paginationQuery, paginationQuerySchema } from "../validations/pagination";
import { listPaymentMethodsQuerySchema } from "../validations/payment-method";
import { listOf } from "../validations/responses";
import { customerIdParams, defineOperation } from "./define-operation";

// The read-only lists of what happened around one customer: cards, webhook deliveries, changes.

export const listPaymentMethods = defineOperation({
  operationId: "listPaymentMethods",
  method: "GET",
  path: "/customers/{id}/payment_methods.json",
  permission: "read",
  public: true,
  tag: "Customers",
  summary: "The customer's saved cards, newest first, the default one flagged",
  params: customerIdParams,
  query: listPaymentMethodsQuerySchema,
  idempotency: "none",
  response: {
    status: 200,
    description: "A page of cards (100 unless `limit` says otherwise)",
    schema: listOf(paymentMethodResponseSchema, "PaymentMethodList"),
  },
  errors: {
    404: "No such customer",
    422: "include_detached is neither true nor false, a bad `limit` or `cursor`, or an unknown parameter",
  },
});

export const listWebhookDeliveries = defineOperation({
  operationId: "listWebhookDeliveries",
  method: "GET",
  path: "/customers/{id}/webhook_deliveries.json",
  permission: "read",
  public: true,
  tag: "Webhooks",
  summary:
    "The outgoing webhook deliveries about the customer, newest first, by cursor (20 a page unless `limit` says otherwise). Without the right to manage endpoints, endpoint_url is only the endpoint's origin",
  params: customerIdParams,
  query: paginationQuerySchema,
  idempotency: "none",
  response: {
    status: 200,
    description: "A page of deliveries",
    schema: listOf(webhookDeliveryResponseSchema, "WebhookDeliveryList"),
  },
  errors: { 404: "No such customer", 422: "Bad `limit` or `cursor`, or an unknown parameter" },
});

export const listAuditTrail = defineOperation({
  operationId: "listAuditTrail",
  method: "GET",
  path: "/customers/{id}/audit_trail.json",
  permission: "read",
  public: true,
  tag: "Customers",
  summary:
    "The changes to the customer, its payment links, cards, subscriptions, charges and invoices, newest first, by cursor (50 a page unless `limit` says otherwise)",
  params: customerIdParams,
  query: paginationQuery(50),
  idempotency: "none",
  response: {
    status: 200,
    description: "A page of changes",
    schema: listOf(auditEntryResponseSchema, "AuditTrail"),
  },
  errors: { 404: "No such customer", 422: "Bad `limit` or `cursor`, or an unknown parameter" },
});

/** In the order the document lists them. */
export const customerActivityOperations = [listPaymentMethods, listWebhookDeliveries, listAuditTrail];

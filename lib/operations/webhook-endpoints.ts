import {
  createdWebhookEndpointResponseSchema,
  deletedWebhookEndpointResponseSchema,
  webhookEndpointResponseSchema,
} from "../validations/activity-responses";
import { paginationQuery } from "../validations/pagination";
import { listOf } from "../validations/responses";
import { createWebhookEndpointSchema } from "../validations/webhook-endpoint";
import { defineOperation, idParams } from "./define-operation";

// Integrators register endpoints with their keys: the manage permission (a write key or an admin).
const webhooks = { tag: "Webhooks", public: true, permission: "manage" } as const;

export const listWebhookEndpoints = defineOperation({
  ...webhooks,
  operationId: "listWebhookEndpoints",
  method: "GET",
  path: "/webhook_endpoints.json",
  summary: "The registered webhook endpoints (without their secrets), newest first",
  query: paginationQuery(100),
  idempotency: "none",
  response: {
    status: 200,
    description: "A page of live endpoints (100 unless `limit` says otherwise)",
    schema: listOf(webhookEndpointResponseSchema, "WebhookEndpointList"),
  },
  errors: { 422: "Bad `limit` or `cursor`, or an unknown parameter" },
});

export const createWebhookEndpoint = defineOperation({
  ...webhooks,
  operationId: "createWebhookEndpoint",
  method: "POST",
  path: "/webhook_endpoints.json",
  summary:
    "Register an endpoint for DonutWork's signed webhooks (Standard Webhooks); the secret is shown once",
  body: { schema: createWebhookEndpointSchema, required: true },
  idempotency: "allowed",
  response: { status: 201, description: "Registered", schema: createdWebhookEndpointResponseSchema },
  errors: { 409: "The installation already has WEBHOOK_MAX_ENDPOINTS endpoints (`limit`, `max`)" },
});

const endpointIdParams = idParams("webhookEndpoint", "The endpoint's eid");

export const getWebhookEndpoint = defineOperation({
  ...webhooks,
  operationId: "getWebhookEndpoint",
  method: "GET",
  path: "/webhook_endpoints/{id}.json",
  summary: "Retrieve a registered endpoint (without its secret)",
  params: endpointIdParams,
  idempotency: "none",
  response: { status: 200, description: "The endpoint", schema: webhookEndpointResponseSchema },
  errors: { 404: "No such endpoint" },
});

export const deleteWebhookEndpoint = defineOperation({
  ...webhooks,
  operationId: "deleteWebhookEndpoint",
  method: "DELETE",
  path: "/webhook_endpoints/{id}.json",
  summary: "Stop deliveries to an endpoint (its delivery history stays)",
  params: endpointIdParams,
  idempotency: "none",
  response: { status: 200, description: "Deleted", schema: deletedWebhookEndpointResponseSchema },
  errors: { 404: "No such endpoint" },
});

/** In the order the document lists them. */
export const webhookEndpointOperations = [
  listWebhookEndpoints,
  createWebhookEndpoint,
  getWebhookEndpoint,
  deleteWebhookEndpoint,
];

import { createApiKeySchema } from "../validations/api-key";
import {
  apiKeyResponseSchema,
  createdApiKeyResponseSchema,
  revokedApiKeyResponseSchema,
} from "../validations/api-key-responses";
import { paginationQuery } from "../validations/pagination";
import { listOf } from "../validations/responses";
import { defineOperation, idParams } from "./define-operation";

// Admins only, with their staff session: a key must never be able to mint or list keys. Not in
// the public document (they are not for integrators); the staff pages call them.
const apiKeys = { tag: "API keys", public: false, permission: "admin" } as const;

export const listApiKeys = defineOperation({
  ...apiKeys,
  operationId: "listApiKeys",
  method: "GET",
  path: "/api_keys.json",
  summary: "The API keys, newest first, revoked ones included (never their secrets)",
  query: paginationQuery(100),
  idempotency: "none",
  response: {
    status: 200,
    description: "A page of keys",
    schema: listOf(apiKeyResponseSchema, "ApiKeyList"),
  },
});

export const createApiKey = defineOperation({
  ...apiKeys,
  operationId: "createApiKey",
  method: "POST",
  path: "/api_keys.json",
  summary: "Create an API key; its secret is shown once",
  body: { schema: createApiKeySchema, required: true },
  idempotency: "allowed",
  response: { status: 201, description: "The new key with its secret", schema: createdApiKeyResponseSchema },
});

export const revokeApiKey = defineOperation({
  ...apiKeys,
  operationId: "revokeApiKey",
  method: "DELETE",
  path: "/api_keys/{id}.json",
  summary: "Revoke a key: it stays listed (with revoked_at) so that its history remains readable",
  params: idParams("apiKey", "The API key's eid"),
  idempotency: "none",
  response: { status: 200, description: "The revoked key", schema: revokedApiKeyResponseSchema },
  errors: { 404: "No such API key" },
});

/** In the order the document lists them. */
export const apiKeyOperations = [listApiKeys, createApiKey, revokeApiKey];

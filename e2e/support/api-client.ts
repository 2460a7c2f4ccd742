import { randomUUID } from "node:crypto";
import * as api from "@donutwork/api-client";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { newCustomerBody } from "../../tests/support/customer-body";
import { bearer } from "./api";
import { apiKeys } from "./api-keys";
import { expectProblemBody, type Problem } from "./api-problems";
import { expectData, typedApi } from "./api-typed";

export type { Problem } from "./api-problems";
export { appUrl } from "./api-typed";

/** The API specs' keys (see api-keys.ts for why they are not global setup's). */
export const keys = apiKeys;

export const writeAuth = () => bearer(keys().writeKey);
export const readAuth = () => bearer(keys().readKey);

/** The typed client (packages/api-client) with the API specs' write or read key. */
export const writeApi = (request: APIRequestContext) => typedApi(request, keys().writeKey);
export const readApi = (request: APIRequestContext) => typedApi(request, keys().readKey);

/** An id of the right shape that no customer has (a ULID from the year 1970). */
export const unknownCustomerId = () =>
  `cus_00000000${randomUUID().replaceAll("-", "").slice(0, 18).toUpperCase()}`;

export const CUSTOMER_ID = /^cus_[0-9A-HJKMNP-TV-Z]{26}$/;

/** A customer as the API returns it (the generated type of the OpenAPI document's Customer). */
export type CustomerJson = api.Customer;

/** Creates a customer through the API (with a fresh external_id) and returns its JSON. */
export async function postCustomer(
  request: APIRequestContext,
  overrides: Parameters<typeof newCustomerBody>[0] = {},
): Promise<CustomerJson> {
  return expectData(
    await api.createCustomer({ client: writeApi(request), body: newCustomerBody(overrides) }),
    201,
  );
}

export async function getCustomerJson(request: APIRequestContext, id: string): Promise<CustomerJson> {
  return expectData(await api.getCustomer({ client: writeApi(request), path: { id } }), 200);
}

/**
 * Asserts an RFC 9457 problem with the given status and returns it. With `fields`, the problem's
 * `errors` must name exactly those fields (in any order): every bad field, and no other.
 */
export async function expectProblem(
  response: APIResponse,
  status: number,
  fields?: string[],
): Promise<Problem> {
  return expectProblemBody(
    response.status(),
    response.headers()["content-type"] ?? "",
    await response.text(),
    status,
    fields,
  );
}

/**
 * Request options for a body sent byte for byte. Playwright re-encodes a string `data` that is not
 * valid JSON when the content type is JSON, so malformed bodies must go as a Buffer.
 */
export const rawJsonBody = (text: string) => ({
  headers: { ...writeAuth(), "content-type": "application/json" },
  data: Buffer.from(text, "utf8"),
});

/**
 * Characters PostgreSQL cannot store in text or jsonb as they are. The contract allows any string,
 * so the API must store them (a lone surrogate may become U+FFFD) or refuse them with a 422.
 */
export const AWKWARD_CHARACTERS: [string, string][] = [
  ["a NUL", "\u0000"],
  ["a lone surrogate", "\ud800"],
];
export const storedAsSent = (stored: unknown, sent: string) =>
  stored === sent || stored === sent.replace(/[\ud800-\udfff]/g, "\ufffd");

/** A token that is unique to one test, to isolate its rows in a shared list (`?q=`). */
export const uniqueToken = (prefix: string) => `${prefix}-${randomUUID().replaceAll("-", "")}`;

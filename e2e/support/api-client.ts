import { randomUUID } from "node:crypto";
import { type APIRequestContext, type APIResponse, expect } from "@playwright/test";
import { TEST_PORT } from "../../playwright.config";
import { bearer, newCustomerBody } from "./api";
import { apiKeys } from "./api-keys";

/** The API specs' keys (see api-keys.ts for why they are not global setup's). */
export const keys = apiKeys;

/** The app under test, for the few requests Playwright's client cannot make (a streamed body). */
export const appUrl = `http://localhost:${TEST_PORT}`;

export const writeAuth = () => bearer(keys().writeKey);
export const readAuth = () => bearer(keys().readKey);

/** An id of the right shape that no customer has (a ULID from the year 1970). */
export const unknownCustomerId = () =>
  `cus_00000000${randomUUID().replaceAll("-", "").slice(0, 18).toUpperCase()}`;

export const CUSTOMER_ID = /^cus_[0-9A-HJKMNP-TV-Z]{26}$/;

export interface CustomerJson {
  id: string;
  object: string;
  external_id: string;
  email: string;
  company_name: string | null;
  address: Record<"line1" | "line2" | "city" | "state" | "postal_code", string | null> & { country: string };
  properties: { key: string; value: string | number | boolean }[];
  status: "active" | "suspended" | "deleted";
  created_at: string;
  updated_at: string;
  [field: string]: unknown;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: { field: string; message: string }[];
  [member: string]: unknown;
}

/** Creates a customer through the API (with a fresh external_id) and returns its JSON. */
export async function postCustomer(
  request: APIRequestContext,
  overrides: Record<string, unknown> = {},
): Promise<CustomerJson> {
  const response = await request.post("/customers.json", {
    headers: writeAuth(),
    data: newCustomerBody(overrides),
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as CustomerJson;
}

export async function getCustomerJson(request: APIRequestContext, id: string): Promise<CustomerJson> {
  const response = await request.get(`/customers/${id}.json`, { headers: writeAuth() });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as CustomerJson;
}

/**
 * Asserts an RFC 9457 problem with the given status and returns it. With `fields`, the problem's
 * `errors` must name exactly those fields (in any order): every bad field, and no other.
 */
export async function expectProblem(response: APIResponse, status: number, fields?: string[]) {
  const text = await response.text();
  expect(response.status(), text).toBe(status);
  expect(response.headers()["content-type"]).toMatch(/^application\/problem\+json/);
  const problem = JSON.parse(text) as Problem;
  expect(problem).toMatchObject({
    type: expect.any(String),
    title: expect.any(String),
    status,
    detail: expect.any(String),
  });
  expect(problem.title.length).toBeGreaterThan(0);
  expect(problem.detail.length).toBeGreaterThan(0);
  if (fields) {
    const named = (problem.errors ?? []).map((error) => error.field);
    expect([...new Set(named)].sort()).toEqual([...fields].sort());
  }
  return problem;
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

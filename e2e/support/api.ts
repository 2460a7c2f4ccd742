import * as api from "@donutwork/api-client";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { type CustomerBody, newCustomerBody } from "../../tests/support/customer-body";
import { expectData, typedApi } from "./api-typed";
import { credentials } from "./credentials";

export const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
export const writeHeaders = () => bearer(credentials().writeKey);

/** The typed client (packages/api-client) with global setup's write key. */
export const writeClient = (request: APIRequestContext) => typedApi(request, credentials().writeKey);

/** A customer as the API returns it now, read with global setup's write key. */
export async function getCustomer(request: APIRequestContext, id: string) {
  return expectData(await api.getCustomer({ client: writeClient(request), path: { id } }), 200);
}

export async function createCustomer(request: APIRequestContext, overrides: Partial<CustomerBody> = {}) {
  const body = newCustomerBody(overrides);
  return expectData(await api.createCustomer({ client: writeClient(request), body }), 201);
}

/** A new customer with its properties already set (one PUT), for specs of the pages that show them. */
export async function createCustomerWithProperties(
  request: APIRequestContext,
  properties: api.Customer["properties"],
  overrides: Partial<CustomerBody> = {},
) {
  const customer = await createCustomer(request, overrides);
  return expectData(
    await api.replaceCustomerProperties({
      client: writeClient(request),
      path: { id: customer.id },
      body: { properties },
    }),
    200,
  );
}

export async function problemOf(response: APIResponse) {
  return (await response.json()) as {
    type: string;
    title: string;
    status: number;
    detail: string;
    errors?: { field: string; message: string }[];
  } & Record<string, unknown>;
}

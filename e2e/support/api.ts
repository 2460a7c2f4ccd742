import { randomUUID } from "node:crypto";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { credentials } from "./credentials";

export const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
export const writeHeaders = () => bearer(credentials().writeKey);

/** A customer body with a fresh external_id, so specs never collide and run in any order. */
export function newCustomerBody(overrides: Record<string, unknown> = {}) {
  const id = randomUUID();
  return {
    external_id: `crm-${id}`,
    email: `billing+${id.slice(0, 8)}@acme.example`,
    company_name: `Acme ${id.slice(0, 8)} GmbH`,
    address: {
      line1: "Hauptstr. 1",
      line2: null,
      city: "Berlin",
      state: null,
      postal_code: "10115",
      country: "DE",
    },
    ...overrides,
  };
}

export async function createCustomer(request: APIRequestContext, overrides: Record<string, unknown> = {}) {
  const response = await request.post("/customers.json", {
    headers: writeHeaders(),
    data: newCustomerBody(overrides),
  });
  if (response.status() !== 201)
    throw new Error(`creating a customer failed: ${response.status()} ${await response.text()}`);
  return (await response.json()) as {
    id: string;
    external_id: string;
    email: string;
    status: string;
  } & Record<string, unknown>;
}

/** A new customer with its properties already set (one PUT), for specs of the pages that show them. */
export async function createCustomerWithProperties(
  request: APIRequestContext,
  properties: { key: string; value: unknown }[],
  overrides: Record<string, unknown> = {},
) {
  const customer = await createCustomer(request, overrides);
  const response = await request.put(`/customers/${customer.id}/properties.json`, {
    headers: writeHeaders(),
    data: { properties },
  });
  if (response.status() !== 200)
    throw new Error(`setting properties failed: ${response.status()} ${await response.text()}`);
  return customer;
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

import { expect, test } from "@playwright/test";
import { newCustomerBody } from "../../tests/support/customer-body";
import { bearer } from "../support/api";
import { expectProblem, keys, postCustomer, readAuth } from "../support/api-client";

// Every customer route, with a body where it takes one; `{id}` is filled in per test.
const ROUTES = [
  { method: "GET", path: "/customers.json" },
  { method: "POST", path: "/customers.json", body: () => newCustomerBody() },
  { method: "GET", path: "/customers/{id}.json" },
  { method: "PATCH", path: "/customers/{id}.json", body: () => ({ company_name: "Changed" }) },
  { method: "DELETE", path: "/customers/{id}.json" },
  { method: "PUT", path: "/customers/{id}/properties.json", body: () => ({ properties: [] }) },
  { method: "GET", path: "/customers/{id}/payment_link.json" },
] as const;

test.describe("API authentication", () => {
  const badCredentials: [string, () => Record<string, string>][] = [
    ["no Authorization header", () => ({})],
    ["a malformed Authorization header", () => ({ authorization: "Basic dXNlcjpwYXNz" })],
    ["an empty bearer token", () => ({ authorization: "Bearer " })],
    ["an unknown key", () => bearer("dw_thisKeyDoesNotExist0000000000000000000000")],
    ["a revoked key", () => bearer(keys().revokedKey)],
  ];

  for (const [name, headers] of badCredentials) {
    test(`${name} is a 401 problem on every customer route, and changes nothing`, async ({ request }) => {
      const customer = await postCustomer(request);
      for (const route of ROUTES) {
        const response = await request.fetch(route.path.replace("{id}", customer.id), {
          method: route.method,
          headers: headers(),
          ...("body" in route ? { data: route.body() } : {}),
        });
        await expectProblem(response, 401);
      }
      const after = await request.get(`/customers/${customer.id}.json`, { headers: readAuth() });
      expect(await after.json()).toEqual(customer);
    });
  }
});

test.describe("API authorisation of a read-only key", () => {
  test("may GET customers, a customer and the list", async ({ request }) => {
    const customer = await postCustomer(request);
    const one = await request.get(`/customers/${customer.id}.json`, { headers: readAuth() });
    expect(one.status()).toBe(200);
    expect(await one.json()).toEqual(customer);
    const list = await request.get(
      `/customers.json?external_id=${encodeURIComponent(customer.external_id)}`,
      {
        headers: readAuth(),
      },
    );
    expect(list.status()).toBe(200);
    expect((await list.json()).data).toEqual([customer]);
  });

  test("is refused (403) every write and the payment link, and nothing changes", async ({ request }) => {
    const customer = await postCustomer(request);
    const body = newCustomerBody();
    for (const route of ROUTES.filter((r) => r.method !== "GET" || r.path.includes("payment_link"))) {
      const response = await request.fetch(route.path.replace("{id}", customer.id), {
        method: route.method,
        headers: readAuth(),
        ...("body" in route ? { data: route.path === "/customers.json" ? body : route.body() } : {}),
      });
      await expectProblem(response, 403);
    }
    const after = await request.get(`/customers/${customer.id}.json`, { headers: readAuth() });
    expect(await after.json()).toEqual(customer);
    const links = await request.get(`/customers/${customer.id}/payment_links.json`, { headers: readAuth() });
    expect((await links.json()).data).toEqual([]);
    const created = await request.get(`/customers.json?external_id=${encodeURIComponent(body.external_id)}`, {
      headers: readAuth(),
    });
    expect((await created.json()).data).toEqual([]);
  });
});

import { expect, test } from "@playwright/test";
import { newCustomerBody, problemOf } from "../support/api";
import { postCustomer, writeAuth } from "../support/api-client";

test.describe("POST /customers.json", () => {
  test("creates a customer with an eid and returns it", async ({ request }) => {
    const body = newCustomerBody();
    const response = await request.post("/customers.json", { headers: writeAuth(), data: body });
    expect(response.status()).toBe(201);
    const customer = await response.json();
    expect(customer.id).toMatch(/^cus_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(customer).toMatchObject({
      external_id: body.external_id,
      email: body.email,
      status: "active",
      properties: [],
    });
    expect(customer.address.country).toBe("DE");
    expect(new Date(customer.created_at).toISOString()).toBe(customer.created_at);
  });

  test("a taken external_id is a 409 that names the existing customer", async ({ request }) => {
    const first = await postCustomer(request);
    const response = await request.post("/customers.json", {
      headers: writeAuth(),
      data: newCustomerBody({ external_id: first.external_id }),
    });
    expect(response.status()).toBe(409);
    expect(response.headers()["content-type"]).toContain("application/problem+json");
    const problem = await problemOf(response);
    expect(problem.existing_id).toBe(first.id);
    expect(problem.detail).toContain(first.id);
  });

  test("20 concurrent creates with one external_id: exactly one wins, the rest 409", async ({ request }) => {
    const body = newCustomerBody();
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => request.post("/customers.json", { headers: writeAuth(), data: body })),
    );
    const statuses = responses.map((response) => response.status()).sort();
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(19);
    const list = await (
      await request.get(`/customers.json?external_id=${encodeURIComponent(body.external_id)}`, {
        headers: writeAuth(),
      })
    ).json();
    expect(list.data).toHaveLength(1);
  });
});

test.describe("GET /customers/{id}.json", () => {
  test("returns the customer", async ({ request }) => {
    const customer = await postCustomer(request);
    const response = await request.get(`/customers/${customer.id}.json`, { headers: writeAuth() });
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual(customer);
  });

  test("an unknown id is a 404 problem", async ({ request }) => {
    const response = await request.get("/customers/cus_01JDQ3X5Z4Q8M2N6P7R9S0T1V2.json", {
      headers: writeAuth(),
    });
    expect(response.status()).toBe(404);
    expect((await problemOf(response)).status).toBe(404);
  });
});

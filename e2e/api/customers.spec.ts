import * as api from "@donutwork/api-client";
import { expect, test } from "@playwright/test";
import { newCustomerBody } from "../support/api";
import { postCustomer, readApi, writeApi } from "../support/api-client";
import { expectData, expectProblemOf } from "../support/api-typed";

test.describe("POST /customers.json", () => {
  test("creates a customer with an eid and returns it", async ({ request }) => {
    const body = newCustomerBody();
    const customer = expectData(await api.createCustomer({ client: writeApi(request), body }), 201);
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
    const body = newCustomerBody({ external_id: first.external_id });
    const problem = expectProblemOf(await api.createCustomer({ client: writeApi(request), body }), 409);
    expect(problem.existing_id).toBe(first.id);
    expect(problem.detail).toContain(first.id);
  });

  test("20 concurrent creates with one external_id: exactly one wins, the rest 409", async ({ request }) => {
    const body = newCustomerBody();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => api.createCustomer({ client: writeApi(request), body })),
    );
    const statuses = results.map((result) => result.response.status).sort();
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(19);
    const list = await api.listCustomers({
      client: readApi(request),
      query: { external_id: body.external_id },
    });
    expect(expectData(list, 200).data).toHaveLength(1);
  });
});

test.describe("GET /customers/{id}.json", () => {
  test("returns the customer", async ({ request }) => {
    const customer = await postCustomer(request);
    const found = await api.getCustomer({ client: writeApi(request), path: { id: customer.id } });
    expect(expectData(found, 200)).toEqual(customer);
  });

  test("an unknown id is a 404 problem", async ({ request }) => {
    const path = { id: "cus_01JDQ3X5Z4Q8M2N6P7R9S0T1V2" };
    expect(expectProblemOf(await api.getCustomer({ client: writeApi(request), path }), 404).status).toBe(404);
  });
});

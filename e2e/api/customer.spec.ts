import * as api from "@donutwork/api-client";
import { type APIRequestContext, expect, test } from "@playwright/test";
import { billableCustomer, metricsOf, subscribe, subscriptionOf } from "../billing/billing-support";
import {
  AWKWARD_CHARACTERS,
  expectProblem,
  getCustomerJson,
  postCustomer,
  rawJsonBody,
  readApi,
  storedAsSent,
  unknownCustomerId,
  writeApi,
  writeAuth,
} from "../support/api-client";
import { expectData, expectProblemOf } from "../support/api-typed";

type Patch = NonNullable<api.UpdateCustomerData["body"]>;
const patch = (request: APIRequestContext, id: string, body: Patch) =>
  api.updateCustomer({ client: writeApi(request), path: { id }, body });
const remove = (request: APIRequestContext, id: string) =>
  api.deleteCustomer({ client: writeApi(request), path: { id } });

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

test.describe("PATCH /customers/{id}.json", () => {
  test("updates email and company_name, leaving the rest", async ({ request }) => {
    const customer = await postCustomer(request);
    const result = await patch(request, customer.id, {
      email: "new.billing@acme.example",
      company_name: "Acme Holding AG",
    });
    const updated = expectData(result, 200);
    expect(updated).toEqual({
      ...customer,
      email: "new.billing@acme.example",
      company_name: "Acme Holding AG",
      updated_at: expect.any(String),
    });
    expect(Date.parse(updated.updated_at)).toBeGreaterThanOrEqual(Date.parse(customer.updated_at));
    expect(await getCustomerJson(request, customer.id)).toEqual(updated);
  });

  for (const [name, character] of AWKWARD_CHARACTERS) {
    test(`a company name or city with ${name} is stored as sent or refused with a 422, never a 5xx`, async ({
      request,
    }) => {
      const customer = await postCustomer(request);
      const value = `Acme${character} GmbH`;
      const result = await patch(request, customer.id, { company_name: value, address: { city: value } });
      if (result.response.status === 200) {
        const stored = await getCustomerJson(request, customer.id);
        expect(storedAsSent(stored.company_name, value) && storedAsSent(stored.address.city, value)).toBe(
          true,
        );
      } else {
        expectProblemOf(result, 422, ["company_name", "address.city"]);
        expect(await getCustomerJson(request, customer.id)).toEqual(customer);
      }
    });
  }

  test("company_name can be cleared with null", async ({ request }) => {
    const customer = await postCustomer(request);
    expectData(await patch(request, customer.id, { company_name: null }), 200);
    expect((await getCustomerJson(request, customer.id)).company_name).toBeNull();
  });

  test("an empty or all-space company_name or address line clears it, as null does", async ({ request }) => {
    const customer = await postCustomer(request);
    expectData(await patch(request, customer.id, { company_name: "   ", address: { line2: "" } }), 200);
    const stored = await getCustomerJson(request, customer.id);
    expect(stored.company_name).toBeNull();
    expect(stored.address.line2).toBeNull();
  });

  test("merges the address field by field", async ({ request }) => {
    const customer = await postCustomer(request);
    const expected = { ...customer.address, city: "Hamburg" };
    expect(
      expectData(await patch(request, customer.id, { address: { city: "Hamburg" } }), 200).address,
    ).toEqual(expected);
    expect(expected.line1).toBe("Hauptstr. 1");

    const moved = await patch(request, customer.id, {
      address: { country: "AT", postal_code: "1010", line2: "Stiege 2" },
    });
    expectData(moved, 200);
    expect((await getCustomerJson(request, customer.id)).address).toEqual({
      ...expected,
      country: "AT",
      postal_code: "1010",
      line2: "Stiege 2",
    });
  });

  test("the address country cannot be removed or made invalid", async ({ request }) => {
    const customer = await postCustomer(request);
    for (const country of [null, "Austria", "at", ""]) {
      const response = await request.patch(`/customers/${customer.id}.json`, {
        headers: writeAuth(),
        data: { address: { country } },
      });
      await expectProblem(response, 422, ["address.country"]);
    }
    expect(await getCustomerJson(request, customer.id)).toEqual(customer);
  });

  test("status goes active → suspended → active", async ({ request }) => {
    const customer = await postCustomer(request);
    for (const status of ["suspended", "active"] as const) {
      expect(expectData(await patch(request, customer.id, { status }), 200).status).toBe(status);
      expect((await getCustomerJson(request, customer.id)).status).toBe(status);
    }
  });

  test('status "deleted" (or any other) is a 422; use DELETE', async ({ request }) => {
    const customer = await postCustomer(request);
    for (const status of ["deleted", "closed", 1]) {
      const response = await request.patch(`/customers/${customer.id}.json`, {
        headers: writeAuth(),
        data: { status },
      });
      await expectProblem(response, 422, ["status"]);
    }
    expect(await getCustomerJson(request, customer.id)).toEqual(customer);
  });

  test("an unknown field is a 422 and nothing changes, not even the valid fields beside it", async ({
    request,
  }) => {
    const customer = await postCustomer(request);
    const response = await request.patch(`/customers/${customer.id}.json`, {
      headers: writeAuth(),
      data: { email: "changed@acme.example", external_id: "crm-other", address: { city: "Köln", zip: "1" } },
    });
    await expectProblem(response, 422, ["external_id", "address.zip"]);
    expect(await getCustomerJson(request, customer.id)).toEqual(customer);
  });

  test("a bad email is a 422 and nothing changes", async ({ request }) => {
    const customer = await postCustomer(request);
    const response = await request.patch(`/customers/${customer.id}.json`, {
      headers: writeAuth(),
      data: { email: "nope", company_name: "Should not stick" },
    });
    await expectProblem(response, 422, ["email"]);
    expect(await getCustomerJson(request, customer.id)).toEqual(customer);
  });

  test("malformed JSON is a 400", async ({ request }) => {
    const customer = await postCustomer(request);
    const response = await request.patch(`/customers/${customer.id}.json`, rawJsonBody('{"email": '));
    await expectProblem(response, 400);
  });

  test("a deleted customer cannot be changed: 409", async ({ request }) => {
    const customer = await postCustomer(request);
    expectData(await remove(request, customer.id), 200);
    for (const body of [{ company_name: "Zombie" }, { status: "active" as const }])
      expectProblemOf(await patch(request, customer.id, body), 409);
    const after = await getCustomerJson(request, customer.id);
    expect(after.status).toBe("deleted");
    expect(after.company_name).toBe(customer.company_name);
  });
});

test.describe("DELETE /customers/{id}.json", () => {
  test("soft-deletes: status deleted, data kept, a later GET shows it", async ({ request }) => {
    const customer = await postCustomer(request);
    const deleted = expectData(await remove(request, customer.id), 200);
    expect(deleted).toEqual({ ...customer, status: "deleted", updated_at: expect.any(String) });
    expect(await getCustomerJson(request, customer.id)).toEqual(deleted);
  });

  test("revokes the customer's open payment link: its URL then answers 410", async ({ request }) => {
    const customer = await postCustomer(request);
    const path = { id: customer.id };
    const link = expectData(await api.createPaymentLink({ client: writeApi(request), path }), 200);
    expectData(await remove(request, customer.id), 200);
    const opened = await request.get(link.url, { maxRedirects: 0 });
    expect(opened.status()).toBe(410);
    const links = expectData(await api.listPaymentLinks({ client: readApi(request), path }), 200);
    expect(links.data).toEqual([expect.objectContaining({ id: link.id, status: "revoked" })]);
  });

  test("deleting twice keeps it deleted (200, no change)", async ({ request }) => {
    const customer = await postCustomer(request);
    const first = expectData(await remove(request, customer.id), 200);
    expect(expectData(await remove(request, customer.id), 200)).toEqual(first);
  });

  test("DELETE /customers/{id}.json cancels the customer's subscriptions", async ({ request }) => {
    const customer = await billableCustomer(request);
    const first = await subscribe(request, customer.id, {});
    const second = await subscribe(request, customer.id, { interval: "year", amount: 12000 });
    expectData(await remove(request, customer.id), 200);
    expect((await subscriptionOf(request, first.id)).status).toBe("canceled");
    expect((await subscriptionOf(request, second.id)).status).toBe("canceled");
    expect((await metricsOf(request, customer.id)).mrr).toBe(0);
  });
});

test.describe("/customers/{id}.json with an unknown id", () => {
  for (const method of ["GET", "PATCH", "DELETE"] as const) {
    test(`${method} is a 404 problem`, async ({ request }) => {
      for (const id of [unknownCustomerId(), "cus_nonsense", "12345"]) {
        const response = await request.fetch(`/customers/${id}.json`, {
          method,
          headers: writeAuth(),
          ...(method === "PATCH" ? { data: { company_name: "Nobody" } } : {}),
        });
        await expectProblem(response, 404);
      }
    });
  }

  test("PUT properties.json and GET payment_link.json are 404 problems too", async ({ request }) => {
    const id = unknownCustomerId();
    await expectProblem(
      await request.put(`/customers/${id}/properties.json`, {
        headers: writeAuth(),
        data: { properties: [] },
      }),
      404,
    );
    await expectProblem(
      await request.get(`/customers/${id}/payment_link.json`, { headers: writeAuth() }),
      404,
    );
  });
});

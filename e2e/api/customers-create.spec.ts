import { randomUUID } from "node:crypto";
import { type APIRequestContext, expect, test } from "@playwright/test";
import { newCustomerBody } from "../support/api";
import {
  AWKWARD_CHARACTERS,
  appUrl,
  CUSTOMER_ID,
  expectProblem,
  postCustomer,
  rawJsonBody,
  storedAsSent,
  writeAuth,
} from "../support/api-client";
import { queryDatabase } from "../support/api-database";

const post = (request: APIRequestContext, data: unknown) =>
  request.post("/customers.json", { headers: writeAuth(), data: data as Record<string, unknown> });

/** Nothing with this external_id was stored (looked up in the database itself). */
async function expectNotStored(_request: APIRequestContext, externalId: string) {
  // PostgreSQL cannot take a NUL even as a query parameter: look up by the part before it
  // (external ids in these specs start with a unique UUID, so the prefix is unique too).
  const prefix = externalId.split("\0")[0] ?? "";
  const rows = await queryDatabase("select id from customers where starts_with(external_id, $1)", [prefix]);
  expect(rows).toEqual([]);
}

test.describe("POST /customers.json validation", () => {
  test("names every bad field at once in one 422", async ({ request }) => {
    const body = newCustomerBody();
    const response = await post(request, {
      email: "not-an-email",
      company_name: "x".repeat(201),
      address: { city: "Berlin" },
    });
    await expectProblem(response, 422, ["external_id", "email", "company_name", "address.country"]);
    await expectNotStored(request, body.external_id);
  });

  for (const country of ["Germany", "de", "XX", "D", "DEU", "", " DE"]) {
    test(`address.country ${JSON.stringify(country)} is not ISO 3166-1 alpha-2: 422`, async ({ request }) => {
      const body = newCustomerBody();
      const response = await post(request, { ...body, address: { ...body.address, country } });
      await expectProblem(response, 422, ["address.country"]);
      await expectNotStored(request, body.external_id);
    });
  }

  for (const [name, character] of AWKWARD_CHARACTERS)
    for (const field of ["external_id", "company_name", "address.line1"]) {
      test(`${name} in ${field} is stored as sent or refused with a 422 naming it, never a 5xx`, async ({
        request,
      }) => {
        const body = newCustomerBody();
        const value = `${field === "external_id" ? body.external_id : "Acme"}${character}x`;
        const data =
          field === "address.line1"
            ? { ...body, address: { ...body.address, line1: value } }
            : { ...body, [field]: value };
        const response = await post(request, data);
        if (response.status() === 201) {
          const created = await response.json();
          expect(
            storedAsSent(field === "address.line1" ? created.address.line1 : created[field], value),
          ).toBe(true);
        } else {
          await expectProblem(response, 422, [field]);
          await expectNotStored(request, data.external_id);
        }
      });
    }

  test("accepts other real country codes", async ({ request }) => {
    for (const country of ["US", "FR", "JP", "CH"]) {
      const customer = await postCustomer(request, { address: { country } });
      expect(customer.address).toEqual({
        line1: null,
        line2: null,
        city: null,
        state: null,
        postal_code: null,
        country,
      });
    }
  });

  test("external_id: 255 characters are fine, 256 and empty are a 422", async ({ request }) => {
    const ok = await postCustomer(request, { external_id: `x${randomUUID()}`.padEnd(255, "y") });
    expect(ok.external_id).toHaveLength(255);
    const tooLong = newCustomerBody({ external_id: `x${randomUUID()}`.padEnd(256, "y") });
    await expectProblem(await post(request, tooLong), 422, ["external_id"]);
    await expectNotStored(request, tooLong.external_id);
    await expectProblem(await post(request, newCustomerBody({ external_id: "" })), 422, ["external_id"]);
  });

  test("bad email addresses are a 422 naming email", async ({ request }) => {
    for (const email of [
      "billing",
      "billing@",
      "@acme.example",
      "a b@acme.example",
      "",
      "billing@@acme.example",
    ]) {
      const body = newCustomerBody({ email });
      await expectProblem(await post(request, body), 422, ["email"]);
      await expectNotStored(request, body.external_id);
    }
  });

  test("unknown top-level and address fields are a 422 naming them, never stored", async ({ request }) => {
    const body = newCustomerBody();
    const response = await post(request, {
      ...body,
      plan: "gold",
      status: "suspended",
      address: { ...body.address, floor: 3 },
    });
    await expectProblem(response, 422, ["plan", "status", "address.floor"]);
    await expectNotStored(request, body.external_id);
  });

  test("wrong types are a 422 naming each field", async ({ request }) => {
    const body = newCustomerBody();
    const response = await post(request, {
      external_id: 4711,
      email: ["billing@acme.example"],
      company_name: { name: "Acme" },
      address: "Hauptstr. 1, Berlin",
    });
    await expectProblem(response, 422, ["external_id", "email", "company_name", "address"]);
    for (const data of [[], "customer", 42, null, true]) {
      await expectProblem(await request.post("/customers.json", rawJsonBody(JSON.stringify(data))), 422);
    }
    await expectNotStored(request, body.external_id);
  });

  test("malformed JSON is a 400 problem", async ({ request }) => {
    for (const raw of ['{"external_id": "crm-1",', "{'a': 1}", "not json", "{}}"]) {
      const response = await request.post("/customers.json", rawJsonBody(raw));
      await expectProblem(response, 400);
    }
  });

  test("an empty body is a 400 problem", async ({ request }) => {
    const response = await request.post("/customers.json", rawJsonBody(""));
    await expectProblem(response, 400);
  });

  test("a body over 1 MB is a 413 problem and stores nothing", async ({ request }) => {
    const body = newCustomerBody({ company_name: "x".repeat(1024 * 1024) });
    const response = await post(request, body);
    await expectProblem(response, 413);
    await expectNotStored(request, body.external_id);
  });

  test("a streamed (chunked) body over 1 MB without Content-Length is a 413 too", async ({ request }) => {
    const body = newCustomerBody();
    const json = JSON.stringify({ ...body, company_name: "x".repeat(2 * 1024 * 1024) });
    const bytes = new TextEncoder().encode(json);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let offset = 0; offset < bytes.length; offset += 64 * 1024)
          controller.enqueue(bytes.slice(offset, offset + 64 * 1024));
        controller.close();
      },
    });
    const response = await fetch(`${appUrl}/customers.json`, {
      method: "POST",
      headers: { ...writeAuth(), "content-type": "application/json" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect((await response.json()).status).toBe(413);
    await expectNotStored(request, body.external_id);
  });

  test("a body just under 1 MB is read (then refused for its too long field: 422, not 413)", async ({
    request,
  }) => {
    const body = newCustomerBody({ company_name: "x".repeat(1000 * 1000) });
    await expectProblem(await post(request, body), 422, ["company_name"]);
  });
});

test.describe("POST /customers.json external_id uniqueness", () => {
  test("a deleted customer keeps its external_id: creating it again is a 409 naming the deleted one", async ({
    request,
  }) => {
    const first = await postCustomer(request);
    expect(first.id).toMatch(CUSTOMER_ID);
    const deleted = await request.delete(`/customers/${first.id}.json`, { headers: writeAuth() });
    expect(deleted.status()).toBe(200);
    const response = await post(request, newCustomerBody({ external_id: first.external_id }));
    const problem = await expectProblem(response, 409);
    expect(problem.existing_id).toBe(first.id);
    expect(problem.detail).toContain(first.id);
  });
});

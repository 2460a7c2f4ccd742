import { randomUUID } from "node:crypto";
import * as api from "@donutwork/api-client";
import { type APIRequestContext, expect, test } from "@playwright/test";
import { newCustomerBody } from "../../tests/support/customer-body";
import { createCustomer, writeClient, writeHeaders } from "../support/api";
import {
  AWKWARD_CHARACTERS,
  appUrl,
  CUSTOMER_ID,
  type CustomerJson,
  expectProblem,
  postCustomer,
  rawJsonBody,
  readApi,
  readAuth,
  storedAsSent,
  uniqueToken,
  writeApi,
  writeAuth,
} from "../support/api-client";
import { queryDatabase } from "../support/api-database";
import { expectData, expectProblemOf } from "../support/api-typed";

// The /customers.json family: POST (create, validation, uniqueness) and GET (the list, its
// filters, search and order). One customer's own path is e2e/api/customer.spec.ts.

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

async function list(request: APIRequestContext, query: api.ListCustomersData["query"]) {
  return expectData(await api.listCustomers({ client: readApi(request), query }), 200);
}

/** Creates `count` customers one after the other whose company name carries `token`. */
async function createTagged(request: APIRequestContext, token: string, count: number) {
  const created: CustomerJson[] = [];
  for (let index = 0; index < count; index++)
    created.push(await postCustomer(request, { company_name: `${token} #${index}` }));
  return created;
}

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

test.describe("POST /customers.json with properties", () => {
  test("stores the properties sent, under the PUT's rules", async ({ request }) => {
    const properties = [
      { key: "billing_tier", value: "gold" },
      { key: "api_quota", value: 10000 },
      { key: "beta", value: true },
    ];
    const customer = expectData(
      await api.createCustomer({ client: writeApi(request), body: newCustomerBody({ properties }) }),
      201,
    );
    expect(customer.properties).toEqual(properties);
    expect(
      (await api.getCustomer({ client: readApi(request), path: { id: customer.id } })).data?.properties,
    ).toEqual(properties);
    // Kept figures are not there yet: no MRR, low risk.
    expect(customer).toMatchObject({ mrr: {}, yrr: {}, risk: { level: "low", score: 0 } });
  });

  test("bad properties are a 422 naming them, and nothing is stored", async ({ request }) => {
    const body = newCustomerBody();
    const response = await post(request, {
      ...body,
      properties: [
        { key: "dup", value: 1 },
        { key: "dup", value: 2 },
        { key: "bad key!", value: 3 },
        { key: "long", value: "x".repeat(501) },
      ],
    });
    await expectProblem(response, 422, ["properties[1].key", "properties[2].key", "properties[3].value"]);
    await expectNotStored(request, body.external_id);
  });
});

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

test.describe("GET /customers.json", () => {
  test("pages newest first with a cursor: no duplicates, no gaps", async ({ request }) => {
    const token = uniqueToken("Pager");
    const created = await createTagged(request, token, 5);
    const newestFirst = [...created].reverse().map((customer) => customer.id);
    expect([...newestFirst].sort().reverse()).toEqual(newestFirst); // ids sort by creation time

    const first = await list(request, { q: token, limit: 2 });
    expect(first.data.map((c) => c.id)).toEqual(newestFirst.slice(0, 2));
    expect(first.has_more).toBe(true);
    expect(first.next_cursor).toEqual(expect.any(String));

    const second = await list(request, { q: token, limit: 2, cursor: first.next_cursor ?? "" });
    expect(second.data.map((c) => c.id)).toEqual(newestFirst.slice(2, 4));
    expect(second.has_more).toBe(true);

    const third = await list(request, { q: token, limit: 2, cursor: second.next_cursor ?? "" });
    expect(third.data.map((c) => c.id)).toEqual(newestFirst.slice(4));
    expect(third.has_more).toBe(false);
    expect(third.next_cursor).toBeNull();
    expect(third.data[0]).toEqual(created[0]);
  });

  test("an exactly full last page says has_more false", async ({ request }) => {
    const token = uniqueToken("Full");
    await createTagged(request, token, 2);
    const page = await list(request, { q: token, limit: 2 });
    expect(page.data).toHaveLength(2);
    expect(page.has_more).toBe(false);
    expect(page.next_cursor).toBeNull();
  });

  test("limit defaults to 20 and accepts 1 and 100", async ({ request }) => {
    const token = uniqueToken("Limit");
    await createTagged(request, token, 21);
    const byDefault = await list(request, { q: token });
    expect(byDefault.data).toHaveLength(20);
    expect(byDefault.has_more).toBe(true);
    expect((await list(request, { q: token, limit: 1 })).data).toHaveLength(1);
    const all = await list(request, { q: token, limit: 100 });
    expect(all.data).toHaveLength(21);
    expect(all.has_more).toBe(false);
  });

  for (const limit of ["0", "101", "abc", "-1", "2.5", ""]) {
    test(`limit=${JSON.stringify(limit)} is a 422 naming limit`, async ({ request }) => {
      const response = await request.get(`/customers.json?limit=${encodeURIComponent(limit)}`, {
        headers: readAuth(),
      });
      await expectProblem(response, 422, ["limit"]);
    });
  }

  for (const cursor of ["garbage", "Y3VzX25vdC1hbi1pZA", "!!!", ""]) {
    test(`cursor=${JSON.stringify(cursor)} is a 422 naming cursor`, async ({ request }) => {
      const response = await request.get(`/customers.json?cursor=${encodeURIComponent(cursor)}`, {
        headers: readAuth(),
      });
      await expectProblem(response, 422, ["cursor"]);
    });
  }

  test("an unknown status is a 422 naming status", async ({ request }) => {
    await expectProblem(await request.get("/customers.json?status=gone", { headers: readAuth() }), 422, [
      "status",
    ]);
  });

  test("status filters; deleted customers appear only with status=deleted", async ({ request }) => {
    const token = uniqueToken("Status");
    const [active, suspended, deleted] = await createTagged(request, token, 3);
    if (!active || !suspended || !deleted) throw new Error("three customers were made");
    const client = writeApi(request);
    const suspend = { client, path: { id: suspended.id }, body: { status: "suspended" as const } };
    expectData(await api.updateCustomer(suspend), 200);
    expectData(await api.deleteCustomer({ client, path: { id: deleted.id } }), 200);

    const ids = async (query: api.ListCustomersData["query"]) =>
      (await list(request, { q: token, ...query })).data.map((c) => c.id);
    expect(await ids({})).toEqual([suspended.id, active.id]);
    expect(await ids({ status: "active" })).toEqual([active.id]);
    expect(await ids({ status: "suspended" })).toEqual([suspended.id]);
    expect(await ids({ status: "deleted" })).toEqual([deleted.id]);
    const byExternalId = await list(request, { external_id: deleted.external_id });
    expect(byExternalId.data).toEqual([]);
  });

  test("external_id is an exact match", async ({ request }) => {
    const token = uniqueToken("crm");
    const exact = await postCustomer(request, { external_id: token });
    await postCustomer(request, { external_id: `${token}-2` });
    expect((await list(request, { external_id: token })).data).toEqual([exact]);
    expect((await list(request, { external_id: token.slice(0, -1) })).data).toEqual([]);
    expect((await list(request, { external_id: token.toUpperCase() })).data).toEqual([]);
  });

  test("q matches a case-insensitive substring of email, company name or external id", async ({
    request,
  }) => {
    const token = uniqueToken("qx").toLowerCase();
    const byEmail = await postCustomer(request, { email: `Billing.${token}@Acme.example` });
    const byCompany = await postCustomer(request, { company_name: `Acme ${token.toUpperCase()} GmbH` });
    const byExternalId = await postCustomer(request, { external_id: `crm-${token}-x` });
    await postCustomer(request); // matches nothing

    const mixedCase = token
      .slice(3, 25)
      .split("")
      .map((char, index) => (index % 2 ? char.toUpperCase() : char))
      .join("");
    const found = await list(request, { q: mixedCase });
    expect(found.data.map((c) => c.id)).toEqual([byExternalId.id, byCompany.id, byEmail.id]);
    expect((await list(request, { q: `${token}-nothing` })).data).toEqual([]);
  });

  // External ids are found through 6-character windows (the external_id_search migration): a
  // term of 6 or more characters needs all its windows, a shorter one is the start of a window.
  test("q finds an external id by any part of it, short or long, wherever it sits", async ({ request }) => {
    const token = uniqueToken("ext").toLowerCase();
    const target = await postCustomer(request, { external_id: `O'Brien\\${token}-ÄBC-000123` });
    const ids = async (q: string) => (await list(request, { q })).data.map((c) => c.id);

    expect(await ids(`O'Brien\\${token}-ÄBC-000123`)).toEqual([target.id]);
    expect(await ids(`o'brien\\${token}-Äbc`)).toEqual([target.id]); // a start, another case
    expect(await ids(`${token}-ÄBc-0`)).toEqual([target.id]); // the middle
    expect(await ids(`${token.slice(-4)}-ÄBC-000123`)).toEqual([target.id]); // the end
    // Shorter than a window, in the middle and at the very end (other customers may match too).
    expect(await ids(`${token.slice(-2)}-Ä`)).toContain(target.id);
    expect(await ids("0123")).toContain(target.id);
    expect(await ids(`${token}-ÄBC-0001234`)).toEqual([]); // one character too many
  });

  test("q on external ids is decided by the text, not by the windows that find candidates", async ({
    request,
  }) => {
    const token = uniqueToken("win").toLowerCase();
    // Every 6-character window of `${token}abcdefgh` occurs in this id, but not the term itself.
    await postCustomer(request, { external_id: `${token}abcdefg-xbcdefgh` });
    expect((await list(request, { q: `${token}abcdefgh` })).data).toEqual([]);
    expect((await list(request, { q: `${token}abcdefg-xbcdefgh` })).data).toHaveLength(1);
  });

  test("q folds case beyond ASCII", async ({ request }) => {
    const token = uniqueToken("fold").toLowerCase();
    const target = await postCustomer(request, { company_name: `MÜLLER ÆØÅ ${token} GmbH` });
    expect((await list(request, { q: `müller æøå ${token}` })).data.map((c) => c.id)).toEqual([target.id]);
  });

  test("q treats LIKE wildcards literally", async ({ request }) => {
    const token = uniqueToken("Wild");
    await postCustomer(request, { company_name: `${token} plain` });
    expect((await list(request, { q: `${token}%plain` })).data).toEqual([]);
    expect((await list(request, { q: `${token.slice(0, 10)}_` })).data).toEqual([]);
  });
});

test.describe("GET /customers.json?order=", () => {
  test("newest first by default, oldest first on request, and the cursor follows the order", async ({
    request,
  }) => {
    const marker = `Order-${randomUUID()}`;
    const created: string[] = [];
    for (let index = 0; index < 3; index++)
      created.push((await createCustomer(request, { company_name: `${marker} ${index}` })).id);

    const ids = async (query: api.ListCustomersData["query"]) => {
      const page = await api.listCustomers({
        client: writeClient(request),
        query: { q: marker, limit: 2, ...query },
      });
      return expectData(page, 200);
    };
    const newest = await ids({});
    expect(newest.data.map((customer) => customer.id)).toEqual([created[2], created[1]]);
    const cursor = newest.next_cursor ?? "";
    expect((await ids({ cursor })).data.map((customer) => customer.id)).toEqual([created[0]]);

    const oldest = await ids({ order: "oldest" });
    expect(oldest.data.map((customer) => customer.id)).toEqual([created[0], created[1]]);
    const oldestCursor = oldest.next_cursor ?? "";
    expect(
      (await ids({ order: "oldest", cursor: oldestCursor })).data.map((customer) => customer.id),
    ).toEqual([created[2]]);
  });

  test("an unknown order is a 422 naming the field", async ({ request }) => {
    const response = await request.get("/customers.json?order=sideways", { headers: writeHeaders() });
    expect(response.status()).toBe(422);
    expect((await response.json()).errors).toEqual([expect.objectContaining({ field: "order" })]);
  });
});

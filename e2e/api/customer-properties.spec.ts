import * as api from "@donutwork/api-client";
import { type APIRequestContext, expect, test } from "@playwright/test";
import {
  AWKWARD_CHARACTERS,
  expectProblem,
  getCustomerJson,
  postCustomer,
  rawJsonBody,
  readAuth,
  storedAsSent,
  writeApi,
  writeAuth,
} from "../support/api-client";
import { queryDatabase } from "../support/api-database";
import { appUrl, expectData, expectProblemOf } from "../support/api-typed";
import { sessionOf } from "../ui/support/sessions";

type Properties = api.Customer["properties"];

/** The typed call, for sets the document allows. */
const replace = (request: APIRequestContext, id: string, properties: Properties) =>
  api.replaceCustomerProperties({ client: writeApi(request), path: { id }, body: { properties } });

/** A raw PUT, for bodies the document does not allow. */
const put = (request: APIRequestContext, id: string, data: unknown) =>
  request.put(`/customers/${id}/properties.json`, { headers: writeAuth(), data: data as object });

const pairs = (count: number) => Array.from({ length: count }, (_, i) => ({ key: `key_${i}`, value: i }));

test.describe("PUT /customers/{id}/properties.json", () => {
  test("replaces the whole set and returns the customer", async ({ request }) => {
    const customer = await postCustomer(request);
    const first = [
      { key: "billing_tier", value: "gold" },
      { key: "api_quota", value: 10000 },
      { key: "beta", value: true },
    ];
    expect(expectData(await replace(request, customer.id, first), 200)).toEqual({
      ...customer,
      properties: first,
      updated_at: expect.any(String),
    });

    const second = [
      { key: "region.eu-west_1", value: 2.5 },
      { key: "note", value: "" },
      { key: "churned", value: false },
    ];
    expectData(await replace(request, customer.id, second), 200);
    expect((await getCustomerJson(request, customer.id)).properties).toEqual(second);

    expectData(await replace(request, customer.id, []), 200);
    expect((await getCustomerJson(request, customer.id)).properties).toEqual([]);
  });

  test("keys of 1 and 40 characters, a 500-character value and 50 pairs are accepted", async ({
    request,
  }) => {
    const customer = await postCustomer(request);
    const edge = [
      { key: "k", value: "v".repeat(500) },
      { key: "K".repeat(40), value: -1.5e10 },
      ...pairs(48),
    ];
    expectData(await replace(request, customer.id, edge), 200);
    expect((await getCustomerJson(request, customer.id)).properties).toEqual(edge);
  });

  test("numbers of up to 15 significant digits are stored exactly as sent", async ({ request }) => {
    const customer = await postCustomer(request);
    const numbers = [
      123456789.123456, 0.1, 999999999999999, 1.79769313486231e308, 5e-324, -8.11427525057171e-53,
    ];
    const properties = numbers.map((value, index) => ({ key: `n${index}`, value }));
    expect(expectData(await replace(request, customer.id, properties), 200).properties).toEqual(properties);
    expect((await getCustomerJson(request, customer.id)).properties).toEqual(properties);
  });

  test("numbers with more significant digits than survive storage are refused with a 422", async ({
    request,
  }) => {
    const customer = await postCustomer(request);
    for (const value of [123456789.12345678, 2 ** 53 - 1, Number.MAX_VALUE])
      expectProblemOf(await replace(request, customer.id, [{ key: "n", value }]), 422, [
        "properties[0].value",
      ]);
    expect(await getCustomerJson(request, customer.id)).toEqual(customer);
  });

  for (const [name, character] of AWKWARD_CHARACTERS) {
    test(`a string value with ${name} is stored as sent or refused with a 422, never a 5xx`, async ({
      request,
    }) => {
      const customer = await postCustomer(request);
      const value = `a${character}b`;
      const result = await replace(request, customer.id, [{ key: "odd", value }]);
      if (result.response.status === 200) {
        const [stored] = (await getCustomerJson(request, customer.id)).properties;
        expect(storedAsSent(stored?.value, value)).toBe(true);
      } else {
        expectProblemOf(result, 422, ["properties[0].value"]);
        expect(await getCustomerJson(request, customer.id)).toEqual(customer);
      }
    });
  }

  test("string values with any other Unicode and control characters are stored as sent", async ({
    request,
  }) => {
    const customer = await postCustomer(request);
    const properties = [
      { key: "bell", value: "ding\u0007" },
      { key: "emoji", value: "🍩 Döner ☕" },
      { key: "rtl", value: "\u202eabc" },
    ];
    expectData(await replace(request, customer.id, properties), 200);
    expect((await getCustomerJson(request, customer.id)).properties).toEqual(properties);
  });

  const badKeys: [string, string][] = [
    ["41 characters", "k".repeat(41)],
    ["empty", ""],
    ["a space and !", "bad key!"],
    ["a slash", "a/b"],
    ["non-ASCII", "größe"],
  ];
  for (const [name, key] of badKeys) {
    test(`a key with ${name} is a 422 naming properties[i].key`, async ({ request }) => {
      const customer = await postCustomer(request, {});
      const response = await put(request, customer.id, {
        properties: [
          { key: "fine", value: 1 },
          { key, value: "x" },
        ],
      });
      await expectProblem(response, 422, ["properties[1].key"]);
    });
  }

  test("duplicate keys are a 422", async ({ request }) => {
    const customer = await postCustomer(request);
    const response = await put(request, customer.id, {
      properties: [
        { key: "tier", value: "gold" },
        { key: "other", value: 1 },
        { key: "tier", value: "silver" },
      ],
    });
    await expectProblem(response, 422, ["properties[2].key"]);
  });

  test("a string value over 500 characters is a 422", async ({ request }) => {
    const customer = await postCustomer(request);
    const response = await put(request, customer.id, {
      properties: [{ key: "long", value: "v".repeat(501) }],
    });
    await expectProblem(response, 422, ["properties[0].value"]);
  });

  for (const value of [{ nested: 1 }, [1, 2], null]) {
    test(`a ${JSON.stringify(value)} value is a 422`, async ({ request }) => {
      const customer = await postCustomer(request);
      const response = await put(request, customer.id, { properties: [{ key: "bad", value }] });
      await expectProblem(response, 422, ["properties[0].value"]);
    });
  }

  test("a missing value or key, and an unknown member, are 422s naming them", async ({ request }) => {
    const customer = await postCustomer(request);
    const response = await put(request, customer.id, {
      properties: [{ key: "no_value" }, { value: 1 }, { key: "extra", value: 1, type: "number" }],
    });
    await expectProblem(response, 422, ["properties[0].value", "properties[1].key", "properties[2].type"]);
  });

  test("51 pairs are a 422", async ({ request }) => {
    const customer = await postCustomer(request);
    await expectProblem(await put(request, customer.id, { properties: pairs(51) }), 422, ["properties"]);
  });

  test("a body without properties, or with another shape, is a 422", async ({ request }) => {
    const customer = await postCustomer(request);
    await expectProblem(await put(request, customer.id, {}), 422, ["properties"]);
    await expectProblem(await put(request, customer.id, { properties: { tier: "gold" } }), 422, [
      "properties",
    ]);
    await expectProblem(await put(request, customer.id, { properties: [], tier: "gold" }), 422, ["tier"]);
    await expectProblem(await put(request, customer.id, [{ key: "a", value: 1 }]), 422);
  });

  test("a rejected PUT changes nothing", async ({ request }) => {
    const customer = await postCustomer(request);
    const kept = [
      { key: "billing_tier", value: "gold" },
      { key: "seats", value: 12 },
    ];
    expectData(await replace(request, customer.id, kept), 200);
    const before = await getCustomerJson(request, customer.id);
    const rejected = [
      {
        properties: [
          { key: "new", value: 1 },
          { key: "bad key!", value: 2 },
        ],
      },
      { properties: [...pairs(50), { key: "one_too_many", value: 1 }] },
      { properties: [{ key: "v", value: "x".repeat(501) }] },
      {
        properties: [
          { key: "dup", value: 1 },
          { key: "dup", value: 2 },
        ],
      },
    ];
    for (const body of rejected) await expectProblem(await put(request, customer.id, body), 422);
    const malformed = await request.put(
      `/customers/${customer.id}/properties.json`,
      rawJsonBody('{"properties": ['),
    );
    await expectProblem(malformed, 400);
    expect(await getCustomerJson(request, customer.id)).toEqual(before);
  });

  test("a deleted customer's properties cannot be replaced: 409", async ({ request }) => {
    const customer = await postCustomer(request);
    expectData(await api.deleteCustomer({ client: writeApi(request), path: { id: customer.id } }), 200);
    expectProblemOf(await replace(request, customer.id, [{ key: "a", value: 1 }]), 409);
    expect((await getCustomerJson(request, customer.id)).properties).toEqual([]);
  });
});

/** The customer's rows in customer_properties (what the filters read), as {key, value} pairs by key. */
async function propertyRows(customerId: string) {
  const rows = await queryDatabase<{
    key: string;
    value_text: string | null;
    value_number: string | null;
    value_boolean: boolean | null;
  }>(
    "select key, value_text, value_number::text, value_boolean from customer_properties where customer_id = $1 order by key",
    [customerId],
  );
  return rows.map((row) => ({
    key: row.key,
    value: row.value_text ?? (row.value_number !== null ? Number(row.value_number) : row.value_boolean),
  }));
}
const byKey = (properties: Properties) => [...properties].sort((a, b) => (a.key < b.key ? -1 : 1));

const patch = (
  request: APIRequestContext,
  id: string,
  properties: Record<string, string | number | boolean | null>,
) => api.patchCustomerProperties({ client: writeApi(request), path: { id }, body: { properties } });

test.describe("customer_properties follows every properties write", () => {
  test("POST, PUT and PATCH leave the typed rows equal to the customer's properties", async ({ request }) => {
    const created = await postCustomer(request, {
      properties: [
        { key: "tier", value: "gold" },
        { key: "api_quota", value: 10000 },
        { key: "beta", value: true },
      ],
    });
    expect(await propertyRows(created.id)).toEqual(byKey(created.properties));
    const replaced = expectData(
      await replace(request, created.id, [
        { key: "seats", value: 2.5 },
        { key: "note", value: "" },
      ]),
      200,
    );
    expect(await propertyRows(created.id)).toEqual(byKey(replaced.properties));
    const patched = expectData(await patch(request, created.id, { note: null, churned: false }), 200);
    expect(await propertyRows(created.id)).toEqual(byKey(patched.properties));
    expect(byKey(patched.properties)).toEqual([
      { key: "churned", value: false },
      { key: "seats", value: 2.5 },
    ]);
  });
});

test.describe("PATCH /customers/{id}/properties.json", () => {
  test("sets the named keys in place, appends new ones, removes those given null, leaves the rest", async ({
    request,
  }) => {
    const customer = await postCustomer(request, {
      properties: [
        { key: "tier", value: "silver" },
        { key: "legacy", value: "yes" },
        { key: "api_quota", value: 100 },
      ],
    });
    const patched = expectData(
      await patch(request, customer.id, { tier: "gold", legacy: null, region: "eu" }),
      200,
    );
    expect(patched.properties).toEqual([
      { key: "tier", value: "gold" },
      { key: "api_quota", value: 100 },
      { key: "region", value: "eu" },
    ]);
    expect((await getCustomerJson(request, customer.id)).properties).toEqual(patched.properties);
    // Removing a key that is not there changes nothing else.
    expect(expectData(await patch(request, customer.id, { never_set: null }), 200).properties).toEqual(
      patched.properties,
    );
  });

  test("two concurrent PATCHes of different keys both survive", async ({ request }) => {
    const customer = await postCustomer(request, { properties: [{ key: "base", value: 1 }] });
    const writers = Array.from({ length: 10 }, (_, index) =>
      patch(request, customer.id, { [`writer_${index}`]: index }),
    );
    for (const result of await Promise.all(writers)) expectData(result, 200);
    const properties = (await getCustomerJson(request, customer.id)).properties;
    expect(byKey(properties)).toEqual(
      byKey([
        { key: "base", value: 1 },
        ...Array.from({ length: 10 }, (_, index) => ({ key: `writer_${index}`, value: index })),
      ]),
    );
    expect(await propertyRows(customer.id)).toEqual(byKey(properties));
    // Each PATCH wrote its own audit record (the true before and after under the row lock).
    const [audit] = await queryDatabase<{ count: string }>(
      "select count(*) from audit_records where entity_id = $1 and action = 'customer.updated'",
      [customer.id],
    );
    expect(Number(audit?.count)).toBe(10);
  });

  test("bad keys and values are 422s naming them, and change nothing", async ({ request }) => {
    const customer = await postCustomer(request, { properties: [{ key: "keep", value: "me" }] });
    const before = await getCustomerJson(request, customer.id);
    const send = (data: unknown) =>
      request.patch(`/customers/${customer.id}/properties.json`, {
        headers: writeAuth(),
        data: data as object,
      });
    await expectProblem(await send({ properties: { "bad key!": 1 } }), 422, ["properties.bad key!"]);
    await expectProblem(await send({ properties: { long: "x".repeat(501) } }), 422, ["properties.long"]);
    await expectProblem(await send({ properties: { nested: { a: 1 } } }), 422, ["properties.nested"]);
    await expectProblem(await send({ properties: [{ key: "a", value: 1 }] }), 422, ["properties"]);
    await expectProblem(await send({ properties: {}, extra: 1 }), 422, ["extra"]);
    expect(await getCustomerJson(request, customer.id)).toEqual(before);
  });

  test("the result keeps the 50-pair cap: a PATCH past it is a 422 and changes nothing", async ({
    request,
  }) => {
    const customer = await postCustomer(request, { properties: pairs(49) });
    const before = await getCustomerJson(request, customer.id);
    expectProblemOf(await patch(request, customer.id, { one: 1, two: 2 }), 422, ["properties"]);
    expect(await getCustomerJson(request, customer.id)).toEqual(before);
    // Removing one while adding two stays within 50.
    const within = expectData(await patch(request, customer.id, { key_0: null, one: 1, two: 2 }), 200);
    expect(within.properties).toHaveLength(50);
  });

  test("a read-only key and a viewer are refused with 403 and nothing changes", async ({ request }) => {
    const customer = await postCustomer(request, { properties: [{ key: "tier", value: "gold" }] });
    const viewer = await sessionOf(appUrl, "viewer");
    const cookie = viewer.cookies.map((entry) => `${entry.name}=${entry.value}`).join("; ");
    for (const headers of [readAuth(), { cookie, origin: appUrl }]) {
      const response = await request.patch(`/customers/${customer.id}/properties.json`, {
        headers,
        data: { properties: { tier: "stolen" } },
      });
      const problem = await expectProblem(response, 403);
      expect(JSON.stringify(problem)).not.toContain("gold");
    }
    expect((await getCustomerJson(request, customer.id)).properties).toEqual([
      { key: "tier", value: "gold" },
    ]);
  });

  test("a deleted customer's properties cannot be patched: 409", async ({ request }) => {
    const customer = await postCustomer(request);
    expectData(await api.deleteCustomer({ client: writeApi(request), path: { id: customer.id } }), 200);
    expectProblemOf(await patch(request, customer.id, { a: 1 }), 409);
    expect((await getCustomerJson(request, customer.id)).properties).toEqual([]);
  });
});

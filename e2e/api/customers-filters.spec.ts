import * as api from "@donutwork/api-client";
import { type APIRequestContext, expect, test } from "@playwright/test";
import { billableCustomer, subscribe } from "../billing/billing-support";
import {
  type CustomerJson,
  expectProblem,
  getCustomerJson,
  postCustomer,
  readAuth,
  uniqueToken,
  writeApi,
} from "../support/api-client";
import { expectData } from "../support/api-typed";
import { dayFromToday, type KeptFigures, keepFigures } from "../support/kept-figures";

// GET /customers.json's filters, sorts and total (the list itself, search and paging by creation
// are in customers.spec.ts). Every spec scopes its list with `q=<its own token>`, so customers
// other specs make at the same time never show up in its answers.

interface ListPage {
  data: CustomerJson[];
  has_more: boolean;
  next_cursor: string | null;
  total_count?: number;
}

async function listPage(request: APIRequestContext, search: string): Promise<ListPage> {
  const response = await request.get(`/customers.json?${search}`, { headers: readAuth() });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as ListPage;
}

/** The external ids the list answers, of the customers tagged `token`. */
async function matching(request: APIRequestContext, token: string, filters: string): Promise<string[]> {
  const page = await listPage(request, `q=${token}&limit=100&${filters}`);
  return page.data.map((customer) => customer.external_id);
}

/** Creates customers tagged `token`, each with its properties and kept figures. */
async function tagged(
  request: APIRequestContext,
  token: string,
  specs: Record<string, { country?: string; properties?: api.Customer["properties"]; kept?: KeptFigures }>,
) {
  const created: Record<string, CustomerJson> = {};
  for (const [name, spec] of Object.entries(specs)) {
    const customer = await postCustomer(request, {
      external_id: `${token}-${name}`,
      company_name: `${token} ${name}`,
      address: { country: spec.country ?? "DE" },
      ...(spec.properties ? { properties: spec.properties } : {}),
    });
    if (spec.kept) await keepFigures(customer.id, spec.kept);
    created[name] = customer;
  }
  return created;
}

const named = (token: string, ...names: string[]) => names.map((name) => `${token}-${name}`).sort();
const sorted = (ids: string[]) => [...ids].sort();

test.describe("GET /customers.json filters", () => {
  test("each filter alone selects exactly the customers it describes", async ({ request }) => {
    const token = uniqueToken("filters");
    await tagged(request, token, {
      plain: {},
      high: { kept: { riskLevel: "high", riskScore: 80 } },
      carded: { kept: { hasPaymentMethod: true, cardExpiresOn: dayFromToday(400) } },
      expiring: { kept: { hasPaymentMethod: true, cardExpiresOn: dayFromToday(10) } },
      expired: { kept: { hasPaymentMethod: true, cardExpiresOn: dayFromToday(-1) } },
      french: { country: "FR" },
      usd: { kept: { mrr: { USD: 5000 } } },
      usdBig: { kept: { mrr: { USD: 20000, EUR: 100 } } },
      eurZero: { kept: { mrr: { EUR: 0 } } },
    });
    const all = named(
      token,
      "plain",
      "high",
      "carded",
      "expiring",
      "expired",
      "french",
      "usd",
      "usdBig",
      "eurZero",
    );
    expect(sorted(await matching(request, token, ""))).toEqual(all);
    expect(sorted(await matching(request, token, "risk_level=high"))).toEqual(named(token, "high"));
    // A new customer is kept from birth: medium risk for want of a card (no_payment_method).
    expect(sorted(await matching(request, token, "risk_level=medium"))).toEqual(
      named(token, "plain", "french"),
    );
    expect(await matching(request, token, "risk_level=low")).toHaveLength(all.length - 3);
    expect(sorted(await matching(request, token, "has_payment_method=true"))).toEqual(
      named(token, "carded", "expiring", "expired"),
    );
    expect(await matching(request, token, "has_payment_method=false")).toHaveLength(all.length - 3);
    expect(sorted(await matching(request, token, "card_expiring=true"))).toEqual(named(token, "expiring"));
    expect(sorted(await matching(request, token, "country=FR"))).toEqual(named(token, "french"));
    expect(sorted(await matching(request, token, "currency=USD"))).toEqual(named(token, "usd", "usdBig"));
    expect(sorted(await matching(request, token, "currency=EUR"))).toEqual(named(token, "eurZero", "usdBig"));
    expect(sorted(await matching(request, token, "currency=USD&mrr_gte=10000"))).toEqual(
      named(token, "usdBig"),
    );
    expect(sorted(await matching(request, token, "currency=USD&mrr_lte=5000"))).toEqual(named(token, "usd"));
    expect(sorted(await matching(request, token, "currency=EUR&mrr_lte=0"))).toEqual(named(token, "eurZero"));
  });

  test("created_gte and created_lte bound the creation time (a date alone is its whole UTC day)", async ({
    request,
  }) => {
    const token = uniqueToken("created");
    const { first, second } = await tagged(request, token, { first: {}, second: {} });
    if (!first || !second) throw new Error("customers not created");
    const at = encodeURIComponent(second.created_at);
    expect(sorted(await matching(request, token, `created_gte=${at}`))).toEqual(named(token, "second"));
    expect(
      sorted(await matching(request, token, `created_lte=${encodeURIComponent(first.created_at)}`)),
    ).toEqual(named(token, "first"));
    const today = first.created_at.slice(0, 10);
    expect(await matching(request, token, `created_gte=${today}&created_lte=${today}`)).toHaveLength(2);
    expect(await matching(request, token, `created_gte=${dayFromToday(2)}`)).toEqual([]);
    expect(await matching(request, token, `created_lte=${dayFromToday(-2)}`)).toEqual([]);
  });

  test("properties[key]=value matches strings, booleans and numbers by equality", async ({ request }) => {
    const token = uniqueToken("props-eq");
    await tagged(request, token, {
      gold: {
        properties: [
          { key: "tier", value: "gold" },
          { key: "beta", value: true },
          { key: "seats", value: 10 },
        ],
      },
      silver: {
        properties: [
          { key: "tier", value: "silver" },
          { key: "beta", value: false },
          { key: "seats", value: 2.5 },
        ],
      },
      // The text "true" and the text "10" are not the boolean and (for true) the number.
      texts: {
        properties: [
          { key: "beta", value: "true" },
          { key: "seats", value: "10" },
        ],
      },
      none: {},
    });
    expect(await matching(request, token, "properties[tier]=gold")).toEqual(named(token, "gold"));
    expect(await matching(request, token, "properties[beta]=true")).toEqual(named(token, "gold"));
    expect(await matching(request, token, "properties[beta]=false")).toEqual(named(token, "silver"));
    expect(await matching(request, token, "properties[seats]=2.5")).toEqual(named(token, "silver"));
    // A number literal matches the number equal to it, and the same text.
    expect(sorted(await matching(request, token, "properties[seats]=10"))).toEqual(
      named(token, "gold", "texts"),
    );
    expect(sorted(await matching(request, token, "properties[seats]=1e1"))).toEqual(named(token, "gold"));
    expect(await matching(request, token, "properties[tier]=bronze")).toEqual([]);
    expect(await matching(request, token, "properties[missing]=gold")).toEqual([]);
  });

  test("properties[key][gt|gte|lt|lte]=n compare numbers; bounds combine into a range", async ({
    request,
  }) => {
    const token = uniqueToken("props-range");
    await tagged(request, token, {
      small: { properties: [{ key: "api_quota", value: 500 }] },
      edge: { properties: [{ key: "api_quota", value: 10000 }] },
      big: { properties: [{ key: "api_quota", value: 250000.5 }] },
      text: { properties: [{ key: "api_quota", value: "lots" }] },
    });
    expect(sorted(await matching(request, token, "properties[api_quota][gte]=10000"))).toEqual(
      named(token, "big", "edge"),
    );
    expect(await matching(request, token, "properties[api_quota][gt]=10000")).toEqual(named(token, "big"));
    expect(await matching(request, token, "properties[api_quota][lt]=10000")).toEqual(named(token, "small"));
    expect(sorted(await matching(request, token, "properties[api_quota][lte]=10000"))).toEqual(
      named(token, "edge", "small"),
    );
    expect(
      await matching(request, token, "properties[api_quota][gt]=500&properties[api_quota][lt]=250000"),
    ).toEqual(named(token, "edge"));
    expect(
      await matching(request, token, "properties[api_quota][gte]=-1e3&properties[api_quota][lte]=600"),
    ).toEqual(named(token, "small"));
  });

  test("filters combine: every one must hold", async ({ request }) => {
    const token = uniqueToken("combined");
    const gold = [{ key: "tier", value: "gold" }];
    // Every filter below holds for `all`; each other customer misses exactly one of them.
    const matchingKept = {
      riskLevel: "high",
      riskScore: 90,
      hasPaymentMethod: true,
      cardExpiresOn: dayFromToday(5),
      mrr: { USD: 9900 },
    } as const;
    await tagged(request, token, {
      all: { country: "FR", properties: gold, kept: matchingKept },
      otherCountry: { properties: gold, kept: matchingKept },
      lowRisk: {
        country: "FR",
        properties: gold,
        kept: { hasPaymentMethod: true, cardExpiresOn: dayFromToday(5), mrr: { USD: 9900 } },
      },
      smallMrr: { country: "FR", properties: gold, kept: { ...matchingKept, mrr: { USD: 100 } } },
      silver: { country: "FR", properties: [{ key: "tier", value: "silver" }], kept: matchingKept },
    });
    const filters =
      "country=FR&risk_level=high&has_payment_method=true&card_expiring=true&currency=USD&mrr_gte=5000&properties[tier]=gold";
    expect(await matching(request, token, filters)).toEqual(named(token, "all"));
    expect(await matching(request, token, `${filters}&status=suspended`)).toEqual([]);
  });
});

test.describe("GET /customers.json sort, cursor and total_count", () => {
  /** Every page of a list, by its cursors, with the total each page reports. */
  async function allPages(request: APIRequestContext, search: string) {
    const ids: string[] = [];
    const totals: (number | undefined)[] = [];
    let cursor: string | null = null;
    do {
      const page: ListPage = await listPage(
        request,
        `${search}&limit=2&include[]=total_count${cursor ? `&cursor=${cursor}` : ""}`,
      );
      ids.push(...page.data.map((customer) => customer.external_id));
      totals.push(page.total_count);
      cursor = page.next_cursor;
    } while (cursor);
    return { ids, totals };
  }

  test("sort=mrr pages through ties in one stable order, desc and asc, with no gaps or repeats", async ({
    request,
  }) => {
    const token = uniqueToken("sort-mrr");
    const mrr = { a: 300, b: 100, c: 300, d: 300, e: 0 };
    const created = await tagged(
      request,
      token,
      Object.fromEntries(Object.entries(mrr).map(([name, usd]) => [name, { kept: { mrr: { USD: usd } } }])),
    );
    // Highest MRR first; among equals the newest (largest id) first, as the creation order is.
    const byMrrThenId = Object.entries(created)
      .map(([name, customer]) => ({ id: customer.id, name, mrr: mrr[name as keyof typeof mrr] }))
      .sort((x, y) => y.mrr - x.mrr || (x.id < y.id ? 1 : -1))
      .map((row) => `${token}-${row.name}`);
    const desc = await allPages(request, `q=${token}&currency=USD&sort=mrr&order=desc`);
    expect(desc.ids).toEqual(byMrrThenId);
    expect(desc.totals).toEqual([5, 5, 5]);
    const asc = await allPages(request, `q=${token}&currency=USD&sort=mrr&order=asc`);
    expect(asc.ids).toEqual([...byMrrThenId].reverse());
  });

  test("sort=risk_score pages by score then id, a new customer at its kept score", async ({ request }) => {
    const token = uniqueToken("sort-risk");
    // A new customer is kept at 40 (no_payment_method): between these two.
    await tagged(request, token, {
      high: { kept: { riskLevel: "high", riskScore: 85 } },
      fresh: {},
      low: { kept: { riskLevel: "low", riskScore: 30 } },
    });
    const highestFirst = ["high", "fresh", "low"].map((name) => `${token}-${name}`);
    expect((await allPages(request, `q=${token}&sort=risk_score`)).ids).toEqual(highestFirst);
    expect((await allPages(request, `q=${token}&sort=risk_score&order=asc`)).ids).toEqual(
      [...highestFirst].reverse(),
    );
  });

  test("sort=created with order=asc|desc (and newest|oldest) pages a filtered list by creation", async ({
    request,
  }) => {
    const token = uniqueToken("sort-created");
    const names = ["one", "two", "three"];
    await tagged(
      request,
      token,
      Object.fromEntries(
        names.map((name) => [name, { kept: { riskLevel: "high" as const, riskScore: 70 } }]),
      ),
    );
    await tagged(request, token, { other: {} });
    const oldestFirst = names.map((name) => `${token}-${name}`);
    expect((await allPages(request, `q=${token}&risk_level=high&order=asc`)).ids).toEqual(oldestFirst);
    expect((await allPages(request, `q=${token}&risk_level=high&order=oldest`)).ids).toEqual(oldestFirst);
    expect((await allPages(request, `q=${token}&risk_level=high&sort=created&order=desc`)).ids).toEqual(
      [...oldestFirst].reverse(),
    );
    expect((await allPages(request, `q=${token}&risk_level=high`)).totals).toEqual([3, 3]);
  });

  test("total_count is only there when asked for, and counts all pages", async ({ request }) => {
    const token = uniqueToken("total");
    await tagged(request, token, { a: {}, b: {}, c: {} });
    const plain = await listPage(request, `q=${token}&limit=1`);
    expect(plain).not.toHaveProperty("total_count");
    expect((await listPage(request, `q=${token}&limit=1&include[]=total_count`)).total_count).toBe(3);
    expect((await listPage(request, `q=${token}&limit=1&include=total_count&country=FR`)).total_count).toBe(
      0,
    );
  });

  test("the typed client sends properties and include[] as the document describes them", async ({
    request,
  }) => {
    const token = uniqueToken("typed");
    await tagged(request, token, { gold: { properties: [{ key: "tier", value: "gold" }] }, plain: {} });
    const page = expectData(
      await api.listCustomers({
        client: writeApi(request),
        query: { q: token, properties: { tier: "gold" }, include: ["total_count"] },
      }),
      200,
    );
    expect(page.data.map((customer) => customer.external_id)).toEqual([`${token}-gold`]);
    expect(page.total_count).toBe(1);
  });
});

test.describe("GET /customers.json filters on figures made through the API", () => {
  test("a subscribed customer with a card: currency, mrr bounds, has_payment_method and its JSON's mrr, yrr, risk", async ({
    request,
  }) => {
    test.setTimeout(90_000);
    const customer = await billableCustomer(request);
    await subscribe(request, customer.id, { amount: 4900, currency: "USD", interval: "month", quantity: 2 });
    const scope = `external_id=${customer.external_id}`;
    await expect
      .poll(async () => (await matching(request, customer.external_id, "currency=USD&mrr_gte=9800")).length, {
        timeout: 20_000,
      })
      .toBe(1);
    expect(await matching(request, customer.external_id, "currency=USD&mrr_gte=9801")).toEqual([]);
    expect(await matching(request, customer.external_id, "currency=EUR")).toEqual([]);
    expect(await matching(request, customer.external_id, "has_payment_method=true")).toEqual([
      customer.external_id,
    ]);
    expect(await matching(request, customer.external_id, "has_payment_method=false")).toEqual([]);
    const [listed] = (await listPage(request, scope)).data;
    expect(listed).toMatchObject({ mrr: { USD: 9800 }, yrr: { USD: 117600 }, risk: { level: "low" } });
    const own = await getCustomerJson(request, customer.id);
    expect({ mrr: own.mrr, yrr: own.yrr, risk: own.risk }).toEqual({
      mrr: listed?.mrr,
      yrr: listed?.yrr,
      risk: listed?.risk,
    });
  });
});

test.describe("GET /customers.json bad filters", () => {
  const cases: [string, string][] = [
    ["colour=red", "colour"],
    ["risk_level=extreme", "risk_level"],
    ["has_payment_method=yes", "has_payment_method"],
    ["card_expiring=false", "card_expiring"],
    ["country=Germany", "country"],
    ["currency=usd", "currency"],
    ["mrr_gte=100", "mrr_gte"],
    ["mrr_lte=5&currency=USD&mrr_gte=1.5", "mrr_gte"],
    ["currency=USD&mrr_gte=-1", "mrr_gte"],
    ["sort=mrr", "sort"],
    ["sort=name", "sort"],
    ["order=sideways", "order"],
    ["created_gte=yesterday", "created_gte"],
    ["created_lte=2026-13-01", "created_lte"],
    ["properties[api_quota][between]=1", "properties[api_quota][between]"],
    ["properties[api_quota][gte]=lots", "properties[api_quota][gte]"],
    ["properties[bad%20key]=x", "properties[bad key]"],
    ["properties[tier]=gold&properties[tier][gte]=1", "properties[tier][gte]"],
    ["include[]=everything", "include[0]"],
    ["include=everything", "include"],
  ];
  for (const [search, field] of cases) {
    test(`${search}: 422 naming ${field}`, async ({ request }) => {
      const response = await request.get(`/customers.json?${search}`, { headers: readAuth() });
      const problem = await expectProblem(response, 422, [field]);
      expect(problem).not.toHaveProperty("data");
    });
  }

  test("a cursor of another sort is refused, naming cursor", async ({ request }) => {
    const token = uniqueToken("cursor");
    await tagged(request, token, { a: { kept: { mrr: { USD: 1 } } }, b: { kept: { mrr: { USD: 2 } } } });
    const byCreation = await listPage(request, `q=${token}&limit=1`);
    const response = await request.get(
      `/customers.json?q=${token}&currency=USD&sort=mrr&cursor=${byCreation.next_cursor}`,
      { headers: readAuth() },
    );
    await expectProblem(response, 422, ["cursor"]);
  });

  test("signed out: 401 and no customer in the body", async ({ request }) => {
    const token = uniqueToken("signed-out");
    await tagged(request, token, { a: {} });
    const response = await request.get(`/customers.json?q=${token}&include[]=total_count`);
    const text = await response.text();
    expect(response.status()).toBe(401);
    expect(text).not.toContain(token);
    expect(text).not.toContain("total_count");
  });
});

import { type APIRequestContext, expect, test } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { idTime, newId } from "../../lib/ids";
import { billableCustomer } from "../billing/billing-support";
import { bearer } from "../support/api";
import { type CustomerJson, postCustomer, readAuth, uniqueToken, writeAuth } from "../support/api-client";
import { queryDatabase } from "../support/api-database";
import { appUrl } from "../support/api-typed";
import { keepFigures } from "../support/kept-figures";
import { sessionOf } from "../ui/support/sessions";

// GET /customers.csv: the list's filters as a streamed CSV file. Each spec scopes the export
// with `q=<its own token>` (or its customer's external_id), so other specs' customers never count.

/** The export's records, header first. */
async function exportCsv(
  request: APIRequestContext,
  search: string,
  headers: Record<string, string> = readAuth(),
) {
  const response = await request.get(`/customers.csv?${search}`, { headers });
  expect(response.status(), await response.text()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^text\/csv/);
  expect(response.headers()["content-disposition"]).toMatch(
    /^attachment; filename="customers-\d{4}-\d{2}-\d{2}\.csv"$/,
  );
  const [header, ...rows] = parse(await response.text()) as string[][];
  if (!header) throw new Error("the export has no header line");
  return { header, rows, column: (row: string[], name: string) => row[header.indexOf(name)] };
}

/**
 * `count` customers tagged `token` (company name), straight into the table, with the app's own
 * ids and each one's created_at its id's time, as create-customer.ts writes them.
 */
async function insertCustomers(token: string, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, () => newId("customer"));
  const rows = await queryDatabase<{ id: string }>(
    `insert into customers (id, external_id, email, company_name, address_country, created_at, updated_at)
     select id, $1 || '-' || n, 'bulk+' || n || '@acme.example', $1 || ' bulk ' || n, 'DE', created_at, created_at
     from unnest($2::text[], $3::timestamptz[]) with ordinality as made(id, created_at, n) returning id`,
    [token, ids, ids.map(idTime)],
  );
  return rows.map((row) => row.id);
}

async function totalCount(request: APIRequestContext, search: string): Promise<number> {
  const response = await request.get(`/customers.json?${search}&include[]=total_count&limit=1`, {
    headers: readAuth(),
  });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { total_count: number }).total_count;
}

test.describe("GET /customers.csv", () => {
  test("has as many rows as the list's total_count for the same filters", async ({ request }) => {
    const token = uniqueToken("csv-count");
    for (let index = 0; index < 7; index++) {
      const customer = await postCustomer(request, {
        company_name: `${token} #${index}`,
        address: { country: index % 2 ? "FR" : "DE" },
        properties: [{ key: "seats", value: index }],
      });
      await keepFigures(customer.id, {
        riskLevel: index < 3 ? "high" : "low",
        riskScore: index * 10,
        mrr: { USD: index * 100 },
      });
    }
    for (const filters of [
      "",
      "country=FR",
      "risk_level=high",
      "currency=USD&mrr_gte=300&sort=mrr",
      "properties[seats][gte]=2&properties[seats][lt]=6",
      "sort=risk_score&order=asc",
      "status=deleted",
    ]) {
      const search = `q=${token}${filters ? `&${filters}` : ""}`;
      const { rows } = await exportCsv(request, search);
      expect(rows.length, filters).toBe(await totalCount(request, search));
    }
    expect((await exportCsv(request, `q=${token}`)).rows).toHaveLength(7);
  });

  test("one header line: the customer, mrr_<CUR> per currency, the card and property.<key> per key", async ({
    request,
  }) => {
    const token = uniqueToken("csv-columns");
    const gold = await postCustomer(request, {
      company_name: `${token} gold`,
      properties: [
        { key: "tier", value: "gold" },
        { key: "api_quota", value: 10000 },
        { key: "beta", value: true },
      ],
    });
    const plain = await postCustomer(request, {
      company_name: `${token} plain`,
      properties: [{ key: "region", value: "eu" }],
    });
    await keepFigures(gold.id, { riskLevel: "medium", riskScore: 45, mrr: { USD: 19800, EUR: 0 } });
    const { header, rows, column } = await exportCsv(request, `q=${token}&order=asc`);
    // The header as a spreadsheet shows it: fixed columns, MRR per currency, card, then properties.
    expect(header.join(",")).toBe(
      "id,external_id,email,company_name,address_line1,address_line2,address_city,address_state,address_postal_code,address_country,status,created_at,risk_level,risk_score,mrr_EUR,mrr_USD,card_brand,card_last4,card_expiry,property.api_quota,property.beta,property.region,property.tier",
    );
    const [first, second] = rows as [string[], string[]];
    expect(first[0]).toBe(gold.id);
    expect([column(first, "risk_level"), column(first, "risk_score")]).toEqual(["medium", "45"]);
    expect([column(first, "mrr_USD"), column(first, "mrr_EUR")]).toEqual(["19800", "0"]);
    expect([
      column(first, "property.tier"),
      column(first, "property.api_quota"),
      column(first, "property.beta"),
    ]).toEqual(["gold", "10000", "true"]);
    expect(column(first, "property.region")).toBe("");
    expect(second[0]).toBe(plain.id);
    expect([
      column(second, "property.region"),
      column(second, "mrr_USD"),
      column(second, "risk_level"),
    ]).toEqual(["eu", "", "medium"]);
  });

  test("the default card's brand, last 4 and expiry are in their columns", async ({ request }) => {
    const customer: CustomerJson = await billableCustomer(request);
    const { rows, column } = await exportCsv(request, `external_id=${customer.external_id}`);
    const [row] = rows as [string[]];
    expect([column(row, "card_brand"), column(row, "card_last4")]).toEqual(["visa", "4242"]);
    expect(column(row, "card_expiry")).toMatch(/^\d{2}\/\d{4}$/);
  });

  test("cells a spreadsheet would run as formulas start with ' (OWASP CSV injection)", async ({
    request,
  }) => {
    const token = uniqueToken("csv-inject");
    await postCustomer(request, {
      company_name: `=cmd|' /C calc'!A0 ${token}`,
      address: { country: "DE", line1: "+1+1", city: "@SUM(A1)", state: "-2+3" },
      properties: [
        { key: "note", value: '=HYPERLINK("http://evil.example")' },
        { key: "delta", value: -5 },
      ],
    });
    const { rows, column } = await exportCsv(request, `q=${token}`);
    const [row] = rows as [string[]];
    expect(column(row, "company_name")).toBe(`'=cmd|' /C calc'!A0 ${token}`);
    expect(column(row, "address_line1")).toBe("'+1+1");
    expect(column(row, "address_city")).toBe("'@SUM(A1)");
    expect(column(row, "address_state")).toBe("'-2+3");
    expect(column(row, "property.note")).toBe('\'=HYPERLINK("http://evil.example")');
    // A number we write is a number, not text that could be a formula.
    expect(column(row, "property.delta")).toBe("-5");
  });

  test("more rows than one batch stream in one stable order without repeats", async ({ request }) => {
    const token = uniqueToken("csv-batches");
    // 1,050 rows is one batch (1,000) and a bit. Written in one statement, not 1,050 POSTs, so
    // the other specs running beside this one keep their database connections.
    const ids = await insertCustomers(token, 1050);
    const { rows } = await exportCsv(request, `q=${token}`);
    expect(rows).toHaveLength(1050);
    expect(new Set(rows.map((row) => row[0])).size).toBe(1050);
    expect(rows.map((row) => row[0])).toEqual([...ids].sort().reverse());
    expect(rows.length).toBe(await totalCount(request, `q=${token}`));
  });

  test("filters are checked as the list checks them: 422 naming the parameter", async ({ request }) => {
    const response = await request.get("/customers.csv?properties[api_quota][between]=1&mrr_gte=5", {
      headers: readAuth(),
    });
    expect(response.status()).toBe(422);
    expect(response.headers()["content-type"]).toMatch(/^application\/problem\+json/);
    const fields = ((await response.json()) as { errors: { field: string }[] }).errors
      .map((error) => error.field)
      .sort();
    expect(fields).toEqual(["mrr_gte", "properties[api_quota][between]"]);
  });
});

test.describe("GET /customers.csv authorisation", () => {
  test("signed out: 401 problem and no customer data in the body", async ({ request }) => {
    const token = uniqueToken("csv-signed-out");
    const customer = await postCustomer(request, { company_name: `${token} secret` });
    for (const headers of [{}, bearer("dw_not-a-key")]) {
      const response = await request.get(`/customers.csv?q=${token}`, { headers, maxRedirects: 0 });
      const body = await response.text();
      expect(response.status()).toBe(401);
      expect(response.headers()["content-type"]).toMatch(/^application\/problem\+json/);
      expect(response.headers()["content-disposition"]).toBeUndefined();
      expect(body).not.toContain(token);
      expect(body).not.toContain(customer.id);
      expect(body).not.toContain(customer.email);
    }
  });

  test("a read-only key, a write key and a viewer session may export", async ({ request }) => {
    const token = uniqueToken("csv-readers");
    const customer = await postCustomer(request, { company_name: `${token} shown` });
    const viewer = await sessionOf(appUrl, "viewer");
    const cookie = viewer.cookies.map((entry) => `${entry.name}=${entry.value}`).join("; ");
    for (const headers of [readAuth(), writeAuth(), { cookie }]) {
      const { rows } = await exportCsv(request, `q=${token}`, headers);
      expect(rows.map((row) => row[0])).toEqual([customer.id]);
    }
  });
});

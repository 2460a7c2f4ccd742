import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seed } from "../../bench/api/seed";
import { migratedAppDatabase } from "../support/app-environment";

// The benchmark's seed writes the kept figures itself (bench/api/seed-financials.ts), so that the
// app's start-up back-fill finds nobody to refresh while it is measured. Here the seeded rows are
// compared with what the app's own refresh computes from the seeded facts.

const CUSTOMERS = 600;
const KEPT = `select f.customer_id, f.primary_currency, f.risk_score, f.risk_level, f.risk_signals,
    f.has_payment_method, f.card_expires_on::text, f.review_at,
    (select json_agg(json_build_object('currency', m.currency, 'mrr', m.mrr, 'risk_level', m.risk_level) order by m.currency)
       from customer_mrr m where m.customer_id = f.customer_id) as mrr
  from customer_financials f order by f.customer_id`;

let database: Awaited<ReturnType<typeof migratedAppDatabase>>;
let client: pg.Client;
let closeDatabase: (() => Promise<void>) | undefined;

beforeAll(async () => {
  database = await migratedAppDatabase("bench_seed");
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
  await seed(client, CUSTOMERS, () => {});
  ({ closeDatabase } = await import("../../lib/db"));
}, 120_000);

afterAll(async () => {
  await client?.end();
  await closeDatabase?.();
  await database?.drop();
});

describe("the bench seed's kept figures", () => {
  it("gives every seeded customer a customer_financials row and its properties' rows", async () => {
    const { rows } = await client.query<{
      customers: number;
      kept: number;
      properties: number;
      expected: number;
    }>(
      `select (select count(*)::int from customers) as customers,
              (select count(*)::int from customer_financials) as kept,
              (select count(*)::int from customer_properties) as properties,
              (select sum(jsonb_array_length(properties))::int from customers) as expected`,
    );
    expect(rows[0]).toEqual({
      customers: CUSTOMERS,
      kept: CUSTOMERS,
      properties: rows[0]?.expected,
      expected: rows[0]?.expected,
    });
  });

  it("leaves the app's review job nothing to back-fill or review", async () => {
    const { reviewCustomerFinancials } = await import(
      "../../lib/server/financials/review-customer-financials"
    );
    expect(await reviewCustomerFinancials()).toEqual({ refreshed: 0, failed: 0 });
  });

  it("equals what the app's refresh computes from the seeded cards, subscriptions and charges", async () => {
    const seeded = (await client.query(KEPT)).rows;
    // Customers with and without cards, in several currencies, or this compares little.
    expect(new Set(seeded.map((row) => row.risk_level))).toEqual(new Set(["low", "medium"]));
    expect(
      new Set(seeded.flatMap((row) => (row.mrr ?? []).map((m: { currency: string }) => m.currency))),
    ).toEqual(new Set(["EUR", "GBP", "USD"]));
    const { db } = await import("../../lib/db");
    const { refreshCustomerFinancials } = await import(
      "../../lib/server/financials/refresh-customer-financials"
    );
    for (const { customer_id: id } of seeded)
      await db().$transaction((tx) => refreshCustomerFinancials(tx, id));
    expect((await client.query(KEPT)).rows).toEqual(seeded);
  }, 120_000);
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { movementOfEvent } from "../../lib/metrics";
import { migratedAppDatabase } from "../support/app-environment";
import { type CardExpiryRow, insertCustomerRow } from "../support/billing-rows";

// The SQL behind the metrics endpoints, against a real migrated PostgreSQL: MRR history rows,
// movements over a period, one customer's metrics and the book's at-risk scoring.

const DAY = 86_400_000;
const NOW = new Date("2026-11-25T12:00:00Z");
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);

let database: Awaited<ReturnType<typeof migratedAppDatabase>>;
let db: typeof import("../../lib/db").db;
let closeDatabase: typeof import("../../lib/db").closeDatabase | undefined;
let sequence = 0;

async function customer(options: { card?: CardExpiryRow | null } = {}) {
  sequence += 1;
  const id = `cus_01JDQ3X5Z4Q8M2N6P7R9S0T${String(sequence).padStart(3, "0")}`;
  return insertCustomerRow(
    db(),
    id,
    options.card === undefined ? { expMonth: 12, expYear: 2030 } : options.card,
  );
}

async function subscription(
  customerId: string,
  fields: { status: string; unitAmount: number; currency?: string },
) {
  sequence += 1;
  const id = `sub_01JDQ3X5Z4Q8M2N6P7R9S0T${String(sequence).padStart(3, "0")}`;
  await db().subscription.create({
    data: {
      id,
      customerId,
      stripeSubscriptionId: `stripe_${id}`,
      status: fields.status,
      currency: fields.currency ?? "USD",
      unitAmount: fields.unitAmount,
      quantity: 1,
      interval: "month",
      mrr: ["active", "past_due"].includes(fields.status) ? fields.unitAmount : 0,
    },
  });
  return id;
}

/**
 * Change rows as recordMrrSnapshots writes them: each with the figure it replaced, and added to
 * the book's kept days by the writer's own function (record-mrr-day.ts).
 */
async function history(customerId: string, rows: [number, number][], currency = "USD") {
  const { recordMrrDay } = await import("../../lib/server/metrics/record-mrr-day");
  const { eventEffect } = await import("../../lib/metrics");
  await db().$transaction(async (tx) => {
    for (const [index, [ago, mrr]] of rows.entries()) {
      const effect = eventEffect({
        mrrBefore: index === 0 ? 0 : (rows[index - 1]?.[1] ?? 0),
        mrrAfter: mrr,
        hadMrrBefore: rows.slice(0, index).some(([, earlier]) => earlier > 0),
      });
      await recordMrrDay(tx, { currency, at: daysAgo(ago), effect });
    }
  });
  await db().mrrSnapshot.createMany({
    data: rows.map(([ago, mrr], index) => ({
      customerId,
      currency,
      mrr: BigInt(mrr),
      previousMrr: index === 0 ? null : BigInt(rows[index - 1]?.[1] ?? 0),
      hadMrrBefore: rows.slice(0, index).some(([, earlier]) => earlier > 0),
      effectiveAt: daysAgo(ago),
      movement:
        movementOfEvent({
          mrrBefore: index === 0 ? 0 : (rows[index - 1]?.[1] ?? 0),
          mrrAfter: mrr,
          hadMrrBefore: rows.slice(0, index).some(([, earlier]) => earlier > 0),
        }) ?? "none",
    })),
  });
}

beforeAll(async () => {
  database = await migratedAppDatabase("billing");
  ({ db, closeDatabase } = await import("../../lib/db"));
}, 120_000);

afterAll(async () => {
  await closeDatabase?.();
  await database?.drop();
});

describe("recordMrrSnapshots", () => {
  it("adds a row only when a currency's MRR changed, and a 0 when a currency stops counting", async () => {
    const { recordMrrSnapshots } = await import("../../lib/server/metrics/record-mrr-snapshots");
    const id = await customer();
    const record = () =>
      db().$transaction((tx) => recordMrrSnapshots(tx, { customerId: id, at: new Date() }));
    const rows = async () =>
      (await db().mrrSnapshot.findMany({ where: { customerId: id }, orderBy: { id: "asc" } })).map(
        (row) => `${row.currency}:${row.mrr}`,
      );
    await subscription(id, { status: "trialing", unitAmount: 900 });
    await record();
    expect(await rows()).toEqual([]);
    const usd = await subscription(id, { status: "active", unitAmount: 4900 });
    await subscription(id, { status: "active", unitAmount: 700, currency: "EUR" });
    await record();
    await record();
    expect(await rows()).toEqual(["EUR:700", "USD:4900"]);
    await db().subscription.update({ where: { id: usd }, data: { status: "canceled", mrr: 0 } });
    await record();
    // Compared with the currency's latest row (0), not its first (4,900): nothing changed.
    await record();
    expect(await rows()).toEqual(["EUR:700", "USD:4900", "USD:0"]);
    const last = await db().mrrSnapshot.findFirstOrThrow({
      where: { customerId: id },
      orderBy: { id: "desc" },
    });
    expect(last).toMatchObject({ previousMrr: 4900n, hadMrrBefore: true });
  });
});

describe("summariseBookMovements", () => {
  it("counts every recorded change of the period as one movement (the event rule) and ignores the untouched", async () => {
    const { summariseBookMovements } = await import("../../lib/server/metrics/summarise-book-movements");
    await history(await customer(), [[10, 1000]]); // new
    await history(await customer(), [
      [60, 1000],
      [10, 3000],
    ]); // expansion +2000
    await history(await customer(), [
      [60, 3000],
      [5, 1000],
    ]); // contraction -2000
    await history(await customer(), [
      [60, 500],
      [5, 0],
    ]); // churn -500
    await history(await customer(), [
      [80, 800],
      [50, 0],
      [3, 900],
    ]); // reactivation +900
    await history(await customer(), [[70, 400]]); // untouched in the period
    await history(await customer(), [
      [10, 100],
      [9, 0],
    ]); // new then churn inside: two movements, as ChartMogul's activity log lists them
    const day = (instant: Date) => instant.toISOString().slice(0, 10);
    const summary = await summariseBookMovements({ from: day(daysAgo(29)), to: day(NOW) });
    expect(summary.USD?.byType).toEqual({
      new: { count: 2, amount: 1100 },
      expansion: { count: 1, amount: 2000 },
      contraction: { count: 1, amount: 2000 },
      churn: { count: 2, amount: 600 },
      reactivation: { count: 1, amount: 900 },
    });
    expect(summary.USD?.netNewMrr).toBe(1100 + 2000 - 2000 - 600 + 900);
  });
});

describe("getCustomerMetrics and listCustomersAtRisk", () => {
  it("gives MRR, history and 'against 30 days ago' from the change rows", async () => {
    const { getCustomerMetrics } = await import("../../lib/server/metrics/get-customer-metrics");
    const id = await customer();
    await subscription(id, { status: "active", unitAmount: 2000 });
    await history(id, [
      [120, 5000],
      [10, 2000],
    ]);
    const metrics = await getCustomerMetrics({ customerId: id, now: NOW });
    expect(metrics).toMatchObject({ currency: "USD", mrr: 2000, yrr: 24000, mrr_30_days_ago: 5000 });
    expect(metrics.daily_mrr).toHaveLength(90);
    expect(metrics.daily_mrr[0]).toEqual({ date: "2026-08-28", mrr: 5000 });
    expect(metrics.daily_mrr.at(-1)).toEqual({ date: "2026-11-25", mrr: 2000 });
    expect(metrics.risk.signals.map((signal) => signal.code)).toEqual(["mrr_decreased"]);
  });

  it("lists the book's riskiest customers from their kept figures, scored exactly as assessRisk scores each", async () => {
    const { listCustomersAtRisk } = await import("../../lib/server/metrics/list-customers-at-risk");
    const { reviewCustomerFinancials } = await import(
      "../../lib/server/financials/review-customer-financials"
    );
    const { getCustomerMetrics } = await import("../../lib/server/metrics/get-customer-metrics");
    const noCard = await customer({ card: null });
    const expiring = await customer({ card: { expMonth: 11, expYear: 2026 } });
    const expired = await customer({ card: { expMonth: 10, expYear: 2026 } });
    const pastDue = await customer();
    await subscription(pastDue, { status: "past_due", unitAmount: 1000 });
    const failing = await customer();
    for (const [index, status] of ["failed", "failed", "failed", "failed", "succeeded"].entries()) {
      await db().charge.create({
        data: {
          id: `ch_${failing.slice(4)}${index}`,
          customerId: failing,
          amount: 100,
          currency: "USD",
          status,
          idempotencyKey: `k${index}`,
          disputed: index === 4,
          createdAt: daysAgo(index * 10),
        },
      });
    }
    // Down, then partly up again, both within 30 days: still below the figure of 30 days ago.
    // SQL must compare the period's last figure with the one its first change replaced.
    const fellThenRose = await customer();
    await subscription(fellThenRose, { status: "active", unitAmount: 800 });
    await history(fellThenRose, [
      [40, 1000],
      [20, 500],
      [10, 800],
    ]);
    // Written behind the domain's back, so kept by the review job's back-fill (as at start-up).
    await reviewCustomerFinancials({ now: NOW });
    const atRisk = await listCustomersAtRisk({ limit: 100 });
    const sqlScores = new Map(atRisk.map((row) => [row.customer_id, row.score]));
    const all = await db().customer.findMany({ select: { id: true } });
    for (const { id } of all) {
      const exact = (await getCustomerMetrics({ customerId: id, now: NOW })).risk.score;
      expect(sqlScores.get(id) ?? 0, id).toBe(exact);
    }
    expect(sqlScores.get(noCard)).toBe(40);
    expect(sqlScores.get(expiring)).toBe(15);
    expect(sqlScores.get(expired)).toBe(40);
    expect(sqlScores.get(pastDue)).toBe(30);
    expect(sqlScores.get(failing)).toBe(45 + 35);
    expect(sqlScores.get(fellThenRose)).toBe(15);
    expect(atRisk[0]?.customer_id).toBe(failing);
  });
});

import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  dailyFiguresOf,
  MOVEMENT_TYPES,
  type MrrEvent,
  movementOfEvent,
  mrrSeries,
  periodsOf,
  type SeriesInterval,
} from "../../lib/metrics";
import { type KeptFinancialsWorld, keptFinancialsWorld } from "../support/kept-financials";
import {
  runSubscriptionStep,
  type SubscriptionStep,
  subscriptionSteps,
  syncEverySubscription,
} from "../support/subscription-steps";

// Property: after any random subscription histories (creates with and without trials, quantity
// and amount changes, cancels now or at period end, renewals paid or failed (past due), new
// subscriptions after a churn (reactivation), three currencies), spread over days and months
// by moving the clock (Date only: the emulator in this process moves with it), through the
// domain functions and the real database:
// - every mrr_snapshots row's movement is lib/metrics' classification of its before → after,
//   and every row names its causes;
// - the kept days (mrr_days) equal dailyFiguresOf(every row);
// - the series (day, week, month) equals mrrSeries over those days; in every point
//   start + net new = end, consecutive points chain, and the last end is the book's MRR
//   (customer_mrr, what /metrics.json sums);
// - each period's drill-down, read page by page, has as many rows as its bar's count and
//   amounts summing to its bar, and its totals are the bar's;
// - every customer's counted breakdown lines sum to its MRR per currency.

const DAY = 86_400_000;
const RUNS = 6;

type Step = SubscriptionStep | { kind: "failingCard" } | { kind: "wait"; days: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  ...subscriptionSteps(50_000),
  fc.record({ kind: fc.constant("failingCard" as const) }),
  fc.record({ kind: fc.constant("wait" as const), days: fc.integer({ min: 1, max: 40 }) }),
);
const histories = fc.array(fc.array(step, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 3 });

let world: KeptFinancialsWorld;
let clock = Date.now();

beforeAll(async () => {
  world = await keptFinancialsWorld("revenue_property");
  // Only Date is faked: timers, sockets and the database run as usual.
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(clock);
}, 120_000);

afterAll(async () => {
  vi.useRealTimers();
  await world?.close();
});

async function run(customerId: string, each: Step, index: number) {
  switch (each.kind) {
    case "failingCard":
      return world.attachCard(customerId, {
        testId: "pm_card_chargeCustomerFail",
        expMonth: 12,
        expYear: 2040,
      });
    case "wait":
      // Days pass at Stripe and here: renewals are paid or fail (past due), trials end,
      // period-end cancellations take effect; each subscription's event reaches its sync.
      clock += each.days * DAY;
      vi.setSystemTime(clock);
      return syncEverySubscription(world, customerId);
    default:
      return runSubscriptionStep(world, customerId, each, index);
  }
}

const day = (instant: Date) => instant.toISOString().slice(0, 10);

async function expectEveryIdentity() {
  const { db } = world;
  const { getMrrSeries } = await import("../../lib/server/metrics/get-mrr-series");
  const { listMrrMovements } = await import("../../lib/server/metrics/list-mrr-movements");
  const rows = await db().mrrSnapshot.findMany({ orderBy: [{ effectiveAt: "asc" }, { id: "asc" }] });
  const events: MrrEvent[] = rows.map((row) => ({
    currency: row.currency,
    at: row.effectiveAt,
    mrrBefore: Number(row.previousMrr ?? 0n),
    mrrAfter: Number(row.mrr),
    hadMrrBefore: row.hadMrrBefore,
  }));
  for (const [index, row] of rows.entries()) {
    expect(row.movement, `row ${row.id}`).toBe(movementOfEvent(events[index] as MrrEvent));
    const causes = row.changes as { change: string }[];
    expect(causes.length, `row ${row.id} names its causes`).toBeGreaterThan(0);
    expect(causes.map((cause) => cause.change)).not.toContain("unknown");
  }

  // The kept days are the days the events give.
  const expectedDays = dailyFiguresOf(events);
  const keptDays = await db().mrrDay.findMany({ orderBy: [{ day: "asc" }, { currency: "asc" }] });
  const keptAsFigures = keptDays.map((row) => ({
    currency: row.currency,
    day: day(row.day),
    movements: Object.fromEntries(
      MOVEMENT_TYPES.map((type) => [
        type,
        { count: row[`${type}Count`], amount: Number(row[`${type}Amount`]) },
      ]),
    ),
    endMrr: Number(row.endMrr),
    payingCustomers: row.payingCustomers,
  }));
  const byKey = (list: { currency: string; day: string }[]) =>
    [...list].sort((a, b) => `${a.day}${a.currency}`.localeCompare(`${b.day}${b.currency}`));
  expect(byKey(keptAsFigures)).toEqual(byKey(expectedDays));
  if (rows.length === 0) return;

  // The series, and the drill-down of each of its bars.
  const from = day(rows[0]?.effectiveAt as Date);
  const to = day(new Date(clock));
  const bookMrr = await db().customerMrr.groupBy({ by: ["currency"], _sum: { mrr: true } });
  for (const interval of ["day", "week", "month"] as SeriesInterval[]) {
    const series = await getMrrSeries({ from, to, interval });
    for (const { currency, points } of series.series) {
      const days = expectedDays.filter((each) => each.currency === currency);
      const expected = mrrSeries({ periods: periodsOf(from, to, interval), days, before: null });
      expect(points.map((point) => [point.period_start, point.end_mrr, point.movements])).toEqual(
        expected.map((point) => [point.periodStart, point.endMrr, point.movements]),
      );
      for (const [index, point] of points.entries()) {
        expect(point.start_mrr + point.net_new_mrr, `${currency} ${point.period_start}`).toBe(point.end_mrr);
        expect(point.start_mrr).toBe(index === 0 ? 0 : points[index - 1]?.end_mrr);
      }
      const book = Number(bookMrr.find((each) => each.currency === currency)?._sum.mrr ?? 0n);
      expect(points.at(-1)?.end_mrr, `${currency}: the series ends at the book's MRR`).toBe(book);
      if (interval !== "month") continue;
      for (const point of points) {
        for (const type of MOVEMENT_TYPES) {
          const bar = point.movements[type];
          const listed: { amount: number }[] = [];
          let cursor: string | undefined;
          let totals: { count: number; amount: number } | undefined;
          do {
            const page = await listMrrMovements({
              currency,
              from: point.period_start,
              to: point.period_end,
              type,
              limit: 3,
              cursor,
            });
            listed.push(...page.data);
            totals = page.totals;
            cursor = page.next_cursor ?? undefined;
          } while (cursor);
          expect(totals, `${currency} ${point.period_start} ${type}`).toEqual(bar);
          expect(listed.length).toBe(bar.count);
          expect(listed.reduce((sum, each) => sum + each.amount, 0)).toBe(bar.amount);
        }
      }
    }
  }

  // Every customer's breakdown sums to its MRR.
  const customers = await db().customer.findMany({ select: { id: true } });
  for (const { id } of customers) {
    const metrics = await world.domain.getCustomerMetrics({ customerId: id, now: new Date(clock) });
    const sums: Record<string, number> = {};
    for (const line of metrics.breakdown.filter((each) => each.counts)) {
      sums[line.currency] = (sums[line.currency] ?? 0) + line.mrr;
    }
    expect(sums, id).toEqual(metrics.mrr_by_currency);
  }
}

describe("revenue history", () => {
  it("keeps days, series, drill-downs and breakdowns that agree with the events and lib/metrics", async () => {
    await fc.assert(
      fc.asyncProperty(histories, async (customers) => {
        for (const sequence of customers) {
          const customerId = await world.newCustomer();
          await world.attachCard(customerId, { testId: "pm_card_visa", expMonth: 12, expYear: 2040 });
          for (const [index, each] of sequence.entries()) await run(customerId, each, index);
        }
        await expectEveryIdentity();
      }),
      { numRuns: RUNS },
    );
  }, 600_000);
});

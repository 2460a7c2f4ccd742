import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migratedAppDatabase } from "../support/app-environment";
import { type CardExpiryRow, insertCustomerRow } from "../support/billing-rows";

// The review job with a clock passed in (no sleeps): what time alone moves (a card nearing
// expiry, a failed charge leaving the 90-day window, an MRR change leaving the 30-day one) is
// refreshed once its review_at has come, and customers without kept figures are back-filled.
// Facts are written directly here (as the older tests in tests/billing do) so that they can lie
// in the past; each then gets its kept row from refreshCustomerFinancials as a change would.

const DAY = 86_400_000;
const NOW = new Date("2026-11-25T12:00:00Z");
const at = (iso: string) => new Date(iso);
const daysFromNow = (days: number) => new Date(NOW.getTime() + days * DAY);

let database: Awaited<ReturnType<typeof migratedAppDatabase>>;
let db: typeof import("../../lib/db").db;
let closeDatabase: typeof import("../../lib/db").closeDatabase | undefined;
let refresh: typeof import("../../lib/server/financials/refresh-customer-financials").refreshCustomerFinancials;
let review: typeof import("../../lib/server/financials/review-customer-financials").reviewCustomerFinancials;
let getCustomerMetrics: typeof import("../../lib/server/metrics/get-customer-metrics").getCustomerMetrics;
let sequence = 0;

beforeAll(async () => {
  database = await migratedAppDatabase("kept_review");
  ({ db, closeDatabase } = await import("../../lib/db"));
  ({ refreshCustomerFinancials: refresh } = await import(
    "../../lib/server/financials/refresh-customer-financials"
  ));
  ({ reviewCustomerFinancials: review } = await import(
    "../../lib/server/financials/review-customer-financials"
  ));
  ({ getCustomerMetrics } = await import("../../lib/server/metrics/get-customer-metrics"));
}, 120_000);

afterAll(async () => {
  await closeDatabase?.();
  await database?.drop();
});

async function customer(card: CardExpiryRow | null = { expMonth: 12, expYear: 2040 }) {
  sequence += 1;
  return insertCustomerRow(db(), `cus_01JDQ3X5Z4Q8M2N6P7R9S0R${String(sequence).padStart(3, "0")}`, card);
}

const keep = (id: string, now = NOW) => db().$transaction((tx) => refresh(tx, id, now));
const kept = (id: string) => db().customerFinancials.findUniqueOrThrow({ where: { customerId: id } });
const codes = async (id: string) =>
  ((await kept(id)).riskSignals as { code: string }[]).map((signal) => signal.code);

/** Reviews at `now` and checks the kept risk equals the recomputation at that instant. */
async function reviewAt(id: string, now: Date) {
  await review({ now });
  const row = await kept(id);
  const exact = await getCustomerMetrics({ customerId: id, now });
  expect({ score: row.riskScore, signals: row.riskSignals }).toEqual({
    score: exact.risk.score,
    signals: exact.risk.signals,
  });
  return row;
}

describe("the review job", () => {
  it("turns a card 'expiring' when the clock passes 30 days before its last day, then 'expired'", async () => {
    const id = await customer({ expMonth: 1, expYear: 2027 }); // valid through 2027-01-31
    await keep(id);
    expect(await codes(id)).toEqual([]);
    expect((await kept(id)).reviewAt).toEqual(at("2027-01-01T00:00:00Z"));
    expect((await kept(id)).cardExpiresOn).toEqual(at("2027-01-31T00:00:00Z"));
    await reviewAt(id, at("2026-12-31T23:59:59Z"));
    expect(await codes(id)).toEqual([]);
    await reviewAt(id, at("2027-01-01T00:00:00Z"));
    expect(await codes(id)).toEqual(["card_expiring"]);
    // The message counts the days down, so an expiring card is reviewed every UTC midnight.
    expect((await kept(id)).reviewAt).toEqual(at("2027-01-02T00:00:00Z"));
    const later = await reviewAt(id, at("2027-01-20T08:00:00Z"));
    expect((later.riskSignals as { message: string }[])[0]?.message).toContain("in 11 days");
    await reviewAt(id, at("2027-02-01T00:00:00Z"));
    expect(await codes(id)).toEqual(["card_expired"]);
    expect((await kept(id)).reviewAt).toBeNull();
  });

  it("lets a failed charge age out of the 90-day window", async () => {
    const id = await customer();
    const createdAt = new Date(NOW.getTime() - 10 * DAY);
    await db().charge.create({
      data: {
        id: `ch_${id.slice(4)}`,
        customerId: id,
        amount: 100,
        currency: "USD",
        status: "failed",
        idempotencyKey: "k",
        createdAt,
      },
    });
    await keep(id);
    expect(await codes(id)).toEqual(["charge_failed"]);
    const leaves = new Date(createdAt.getTime() + 90 * DAY + 1);
    expect((await kept(id)).reviewAt).toEqual(leaves);
    await reviewAt(id, new Date(leaves.getTime() - 1));
    expect(await codes(id)).toEqual(["charge_failed"]);
    await reviewAt(id, leaves);
    expect(await codes(id)).toEqual([]);
    // Next: the card (valid through 2040-12-31) turning "expiring".
    expect((await kept(id)).reviewAt).toEqual(at("2040-12-01T00:00:00Z"));
  });

  it("moves the 30-day MRR comparison as its window moves", async () => {
    const id = await customer();
    await db().subscription.create({
      data: {
        id: `sub_${id.slice(4)}`,
        customerId: id,
        stripeSubscriptionId: `stripe_sub_${id.slice(4)}`,
        status: "active",
        currency: "USD",
        unitAmount: 2000,
        quantity: 1,
        interval: "month",
        mrr: 2000,
      },
    });
    await db().mrrSnapshot.createMany({
      data: [
        { customerId: id, currency: "USD", mrr: 5000n, effectiveAt: daysFromNow(-40), movement: "new" },
        {
          customerId: id,
          currency: "USD",
          mrr: 2000n,
          previousMrr: 5000n,
          hadMrrBefore: true,
          effectiveAt: daysFromNow(-10),
          movement: "contraction",
        },
      ],
    });
    await keep(id);
    expect(await codes(id)).toEqual(["mrr_decreased"]);
    // The fall 10 days ago is "30 days ago" 20 days from now: then there is nothing to compare down.
    expect((await kept(id)).reviewAt).toEqual(daysFromNow(20));
    await reviewAt(id, daysFromNow(19));
    expect(await codes(id)).toEqual(["mrr_decreased"]);
    await reviewAt(id, daysFromNow(20));
    expect(await codes(id)).toEqual([]);
    expect(
      await db().customerMrr.findMany({ where: { customerId: id }, select: { currency: true, mrr: true } }),
    ).toEqual([{ currency: "USD", mrr: 2000n }]);
  });

  it("back-fills customers that have no kept figures yet, and leaves the rest alone", async () => {
    const missing = [await customer(null), await customer()];
    const current = await customer();
    await keep(current);
    const before = await kept(current);
    const { refreshed, failed } = await review({ now: NOW });
    expect(failed).toBe(0);
    expect(refreshed).toBeGreaterThanOrEqual(missing.length);
    expect((await kept(missing[0] ?? "")).riskSignals).toMatchObject([{ code: "no_payment_method" }]);
    expect((await kept(missing[1] ?? "")).riskScore).toBe(0);
    expect((await kept(current)).updatedAt).toEqual(before.updatedAt);
  });
});

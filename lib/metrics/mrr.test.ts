import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mrrByCurrency, subscriptionMrr, yrrFromMrr } from "./mrr";
import { sub } from "./subscription-fixture";
import { type RevenueSubscription, SUBSCRIPTION_STATUSES } from "./types";

describe("subscriptionMrr — Stripe/ChartMogul rules", () => {
  it.each<[string, Partial<RevenueSubscription>, number]>([
    ["monthly 4900 × 2", { quantity: 2 }, 9800],
    ["yearly 120000 → /12", { unitAmount: 120_000, interval: "year" }, 10_000],
    ["yearly 100 → 8.33 rounds down", { unitAmount: 100, interval: "year" }, 8],
    ["yearly 6 → 0.5 rounds half up", { unitAmount: 6, interval: "year" }, 1],
    ["yearly 18 → 1.5 rounds half up", { unitAmount: 18, interval: "year" }, 2],
    ["every 3 months 9000", { unitAmount: 9000, intervalCount: 3 }, 3000],
    ["every 2 years 240000", { unitAmount: 240_000, interval: "year", intervalCount: 2 }, 10_000],
    ["25% off", { unitAmount: 10_000, percentOff: 25 }, 7500],
    ["33.33% off keeps two decimals exact", { unitAmount: 10_000, percentOff: 33.33 }, 6667],
    ["percent off applies to amount × quantity", { quantity: 3, percentOff: 50 }, 7350],
    ["amount off is per period, not per unit", { quantity: 2, amountOff: 800 }, 9000],
    ["yearly with amount off, then /12", { unitAmount: 120_000, interval: "year", amountOff: 12_000 }, 9000],
    ["percent then amount off", { unitAmount: 10_000, percentOff: 10, amountOff: 1000 }, 8000],
    ["discount larger than price → 0", { amountOff: 5000 }, 0],
    ["100% off → 0", { percentOff: 100 }, 0],
    ["quantity 0 → 0", { quantity: 0 }, 0],
    ["trialing → 0", { status: "trialing" }, 0],
    ["past_due still counts", { status: "past_due" }, 4900],
    ["unpaid → 0 (Stripe counts it as churn)", { status: "unpaid" }, 0],
    ["canceled → 0", { status: "canceled" }, 0],
    ["paused → 0", { status: "paused" }, 0],
    ["incomplete → 0", { status: "incomplete" }, 0],
    ["incomplete_expired → 0", { status: "incomplete_expired" }, 0],
    ["cancel_at_period_end counts until it ends", { cancelAtPeriodEnd: true }, 4900],
  ])("%s", (_name, overrides, expected) => {
    expect(subscriptionMrr(sub(overrides))).toBe(expected);
  });

  it.each<[string, Partial<RevenueSubscription>]>([
    ["fractional amount", { unitAmount: 49.5 }],
    ["negative amount", { unitAmount: -1 }],
    ["fractional quantity", { quantity: 1.5 }],
    ["interval count 0", { intervalCount: 0 }],
    ["percent over 100", { percentOff: 101 }],
    ["percent with three decimals", { percentOff: 12.345 }],
    ["negative amount off", { amountOff: -5 }],
    ["currency not ISO 4217", { currency: "dollars" }],
  ])("rejects %s, whatever the status", (_name, overrides) => {
    expect(() => subscriptionMrr(sub(overrides))).toThrow(RangeError);
    expect(() => subscriptionMrr(sub({ ...overrides, status: "canceled" }))).toThrow(RangeError);
  });
});

describe("mrrByCurrency and yrrFromMrr", () => {
  it("keeps currencies apart and groups lower-case codes", () => {
    const subs = [sub({ quantity: 2 }), sub({ currency: "eur", unitAmount: 1000 }), sub({ currency: "EUR" })];
    expect(mrrByCurrency(subs)).toEqual({ USD: 9800, EUR: 5900 });
  });

  it("lists only currencies with a counting subscription, even at 0", () => {
    const subs = [sub({ currency: "GBP", status: "trialing" }), sub({ currency: "EUR", percentOff: 100 })];
    expect(mrrByCurrency(subs)).toEqual({ EUR: 0 });
    expect(mrrByCurrency([])).toEqual({});
  });

  it("matches the contract example: 4900 × 2 + 120000 yearly → mrr 19800, yrr 237600", () => {
    const usd = mrrByCurrency([sub({ quantity: 2 }), sub({ unitAmount: 120_000, interval: "year" })]).USD;
    expect(usd).toBe(19_800);
    expect(yrrFromMrr(19_800)).toBe(237_600);
  });
});

const subscriptionArb: fc.Arbitrary<RevenueSubscription> = fc.record({
  status: fc.constantFrom(...SUBSCRIPTION_STATUSES),
  currency: fc.constantFrom("USD", "EUR", "JPY", "usd"),
  unitAmount: fc.integer({ min: 0, max: 10_000_000 }),
  quantity: fc.integer({ min: 0, max: 1000 }),
  interval: fc.constantFrom("month" as const, "year" as const),
  intervalCount: fc.option(fc.integer({ min: 1, max: 36 }), { nil: undefined }),
  percentOff: fc.option(
    fc.integer({ min: 0, max: 10_000 }).map((basisPoints) => basisPoints / 100),
    { nil: null },
  ),
  amountOff: fc.option(fc.integer({ min: 0, max: 20_000_000 }), { nil: null }),
  cancelAtPeriodEnd: fc.boolean(),
});

describe("MRR properties", () => {
  it("is a non-negative integer", () => {
    fc.assert(
      fc.property(subscriptionArb, (s) => {
        const mrr = subscriptionMrr(s);
        expect(Number.isSafeInteger(mrr) && mrr >= 0).toBe(true);
      }),
    );
  });

  it("YRR is exactly 12 × MRR in every currency", () => {
    fc.assert(
      fc.property(fc.array(subscriptionArb), (subs) => {
        for (const mrr of Object.values(mrrByCurrency(subs))) expect(yrrFromMrr(mrr)).toBe(12 * mrr);
      }),
    );
  });

  it("does not depend on the order of the subscriptions", () => {
    const subsAndShuffle = fc
      .array(subscriptionArb)
      .chain((subs) => fc.tuple(fc.constant(subs), fc.shuffledSubarray(subs, { minLength: subs.length })));
    fc.assert(
      fc.property(subsAndShuffle, ([subs, shuffled]) => {
        expect(mrrByCurrency(shuffled)).toEqual(mrrByCurrency(subs));
      }),
    );
  });

  it("never changes when a non-counting subscription is added", () => {
    const nonCounting = subscriptionArb.chain((s) =>
      fc.constantFrom("trialing", "canceled", "unpaid", "paused").map((status) => ({ ...s, status })),
    );
    fc.assert(
      fc.property(fc.array(subscriptionArb), nonCounting, fc.nat(), (subs, extra, at) => {
        const withExtra = [...subs];
        withExtra.splice(at % (subs.length + 1), 0, extra);
        expect(mrrByCurrency(withExtra)).toEqual(mrrByCurrency(subs));
      }),
    );
  });
});

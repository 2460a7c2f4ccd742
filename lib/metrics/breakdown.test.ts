import { describe, expect, it } from "vitest";
import { breakdownLine } from "./breakdown";
import { mrrByCurrency } from "./mrr";
import { sub } from "./subscription-fixture";
import type { RevenueSubscription } from "./types";

// Named cases of Stripe's and ChartMogul's published MRR rules, as the breakdown shows them.
describe("breakdownLine — the named cases", () => {
  it.each<
    [
      string,
      Partial<RevenueSubscription>,
      { mrr: number; counts: boolean; reason: string | null; months: number },
    ]
  >([
    ["monthly 49.00 × 2", { quantity: 2 }, { mrr: 9800, counts: true, reason: null, months: 1 }],
    [
      "trial → 0 (not yet revenue)",
      { status: "trialing" },
      { mrr: 0, counts: false, reason: "trialing", months: 1 },
    ],
    [
      "past due still counts (Stripe is retrying)",
      { status: "past_due" },
      { mrr: 4900, counts: true, reason: null, months: 1 },
    ],
    [
      "unpaid → 0 (Stripe: churn)",
      { status: "unpaid" },
      { mrr: 0, counts: false, reason: "unpaid", months: 1 },
    ],
    ["canceled → 0", { status: "canceled" }, { mrr: 0, counts: false, reason: "canceled", months: 1 }],
    [
      "cancel at period end counts until it ends",
      { cancelAtPeriodEnd: true },
      { mrr: 4900, counts: true, reason: null, months: 1 },
    ],
    [
      "yearly 1200.00 ÷ 12",
      { unitAmount: 120_000, interval: "year" },
      { mrr: 10_000, counts: true, reason: null, months: 12 },
    ],
    [
      "yearly 1.00 ÷ 12 = 8.33 → 8 (half up, once)",
      { unitAmount: 100, interval: "year" },
      { mrr: 8, counts: true, reason: null, months: 12 },
    ],
    [
      "yearly 0.06 ÷ 12 = 0.5 → 1 (half up)",
      { unitAmount: 6, interval: "year" },
      { mrr: 1, counts: true, reason: null, months: 12 },
    ],
    [
      "quarterly 90.00 ÷ 3",
      { unitAmount: 9000, intervalCount: 3 },
      { mrr: 3000, counts: true, reason: null, months: 3 },
    ],
    ["paused → 0", { status: "paused" }, { mrr: 0, counts: false, reason: "paused", months: 1 }],
    [
      "incomplete → 0 (never started)",
      { status: "incomplete" },
      { mrr: 0, counts: false, reason: "incomplete", months: 1 },
    ],
  ])("%s", (_name, overrides, expected) => {
    expect(breakdownLine(sub(overrides))).toMatchObject(expected);
  });

  it("shows amount × quantity and what a discount takes off the month", () => {
    expect(breakdownLine(sub({ unitAmount: 10_000, quantity: 2, percentOff: 25 }))).toMatchObject({
      periodAmount: 20_000,
      mrr: 15_000,
      discount: { percentOff: 25, amountOff: null, amount: 5000 },
    });
    expect(breakdownLine(sub()).discount).toBeNull();
  });

  it("its counted lines sum to mrrByCurrency", () => {
    const subs = [
      sub({ quantity: 2 }),
      sub({ status: "trialing" }),
      sub({ currency: "EUR", unitAmount: 6, interval: "year" }),
    ];
    const sums: Record<string, number> = {};
    for (const line of subs.map(breakdownLine).filter((line) => line.counts))
      sums[line.currency] = (sums[line.currency] ?? 0) + line.mrr;
    expect(sums).toEqual(mrrByCurrency(subs));
  });
});

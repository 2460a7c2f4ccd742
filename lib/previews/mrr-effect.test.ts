import { describe, expect, it } from "vitest";
import { mrrEffect } from "./mrr-effect";

const monthly = { currency: "USD", unitAmount: 4900, quantity: 2, interval: "month" as const };

describe("mrrEffect", () => {
  it("never previews a negative MRR while the customer's figures and the subscription's disagree", () => {
    // The metrics refetched after a cancellation, the subscription list not yet: this threw
    // (yrrFromMrr of -14700) and the subscriptions panel showed its error instead.
    const stale = { status: "active", currency: "USD", mrr: 14700 };
    expect(mrrEffect({ USD: 0 }, { kind: "cancel", current: stale })).toEqual({
      currency: "USD",
      mrrBefore: 0,
      mrrAfter: 0,
      yrrBefore: 0,
      yrrAfter: 0,
    });
  });

  it("a new monthly subscription adds amount × quantity, and YRR is 12 × MRR", () => {
    expect(mrrEffect({ USD: 1000 }, { kind: "create", subscription: monthly, trialDays: 0 })).toEqual({
      currency: "USD",
      mrrBefore: 1000,
      mrrAfter: 10800,
      yrrBefore: 12000,
      yrrAfter: 129600,
    });
  });

  it("a trial counts 0 until it ends", () => {
    const effect = mrrEffect({ USD: 1000 }, { kind: "create", subscription: monthly, trialDays: 14 });
    expect([effect.mrrBefore, effect.mrrAfter]).toEqual([1000, 1000]);
  });

  it("a yearly price is divided by 12 with the project's rounding (half up, once)", () => {
    const yearly = (unitAmount: number) =>
      mrrEffect(
        {},
        {
          kind: "create",
          subscription: { ...monthly, quantity: 1, unitAmount, interval: "year" },
          trialDays: 0,
        },
      ).mrrAfter;
    expect([yearly(100), yearly(6), yearly(120_000)]).toEqual([8, 1, 10_000]);
  });

  it("a new currency starts from 0, other currencies are not touched or converted", () => {
    const effect = mrrEffect(
      { USD: 5000 },
      { kind: "create", subscription: { ...monthly, currency: "eur" }, trialDays: 0 },
    );
    expect(effect).toMatchObject({ currency: "EUR", mrrBefore: 0, mrrAfter: 9800 });
  });

  it("an update replaces the subscription's current part; a trialing one still counts 0", () => {
    const current = { status: "active", currency: "USD", mrr: 9800 };
    const next = { ...monthly, quantity: 3 };
    expect(mrrEffect({ USD: 12000 }, { kind: "update", current, next }).mrrAfter).toBe(12000 - 9800 + 14700);
    const trialing = { status: "trialing", currency: "USD", mrr: 0 };
    expect(mrrEffect({ USD: 12000 }, { kind: "update", current: trialing, next }).mrrAfter).toBe(12000);
  });

  it("canceling now takes the subscription's part away", () => {
    const current = { status: "past_due", currency: "USD", mrr: 9800 };
    expect(mrrEffect({ USD: 12000 }, { kind: "cancel", current })).toMatchObject({
      mrrAfter: 2200,
      yrrAfter: 26400,
    });
  });
});

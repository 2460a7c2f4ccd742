import { describe, expect, it } from "vitest";
import { refundEffect } from "./refund-effect";

// 10,000 EUR charged to a German customer with automatic tax: the card paid 11,900.
const taxed = { amount: 10_000, tax: 1_900, total: 11_900, amount_refunded: 0 };

describe("refundEffect", () => {
  it("all that is left of a taxed charge is its total, tax included", () => {
    expect(refundEffect(taxed, null)).toEqual({
      refunded: 11_900,
      leftBefore: 11_900,
      leftAfter: 0,
      tooMuch: false,
    });
  });

  it("a part is of what was paid: 5,950 of 11,900 leaves 5,950", () => {
    expect(refundEffect(taxed, 5_950)).toMatchObject({ refunded: 5_950, leftAfter: 5_950, tooMuch: false });
    expect(refundEffect({ ...taxed, amount_refunded: 5_950 }, null)).toMatchObject({ refunded: 5_950 });
  });

  it("more than is left is flagged, and an unreadable amount refunds nothing yet", () => {
    expect(refundEffect({ ...taxed, amount_refunded: 5_950 }, 6_000)).toMatchObject({
      tooMuch: true,
      leftAfter: 0,
    });
    expect(refundEffect(taxed, undefined)).toMatchObject({ refunded: null, leftAfter: null, tooMuch: false });
  });

  it("without tax the total is the amount, as before", () => {
    const untaxed = { amount: 1_500, tax: 0, total: 1_500, amount_refunded: 500 };
    expect(refundEffect(untaxed, null)).toMatchObject({ refunded: 1_000, leftBefore: 1_000 });
  });
});

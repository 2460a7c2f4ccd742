import { describe, expect, it } from "vitest";
import { addIntervals, nextPeriodEnd, prorate } from "./billing-periods";
import { checkExpiry, checkTestCard } from "./test-cards";

const at = (iso: string) => Date.parse(iso) / 1000;

describe("addIntervals", () => {
  it("keeps the anchor's day and clamps it to short months", () => {
    const anchor = at("2026-01-31T10:00:00Z");
    expect(addIntervals(anchor, "month", 1)).toBe(at("2026-02-28T10:00:00Z"));
    expect(addIntervals(anchor, "month", 2)).toBe(at("2026-03-31T10:00:00Z"));
    expect(addIntervals(anchor, "year", 1)).toBe(at("2027-01-31T10:00:00Z"));
    expect(addIntervals(at("2024-02-29T00:00:00Z"), "year", 1)).toBe(at("2025-02-28T00:00:00Z"));
  });

  it("finds the first boundary after a moment, counting from the anchor", () => {
    const anchor = at("2026-01-31T00:00:00Z");
    expect(nextPeriodEnd(anchor, "month", 1, at("2026-02-28T00:00:00Z"))).toBe(at("2026-03-31T00:00:00Z"));
    expect(nextPeriodEnd(anchor, "month", 3, anchor)).toBe(at("2026-04-30T00:00:00Z"));
  });
});

describe("prorate", () => {
  it("charges the share of whole days left, in integer minor units", () => {
    const period = { start: at("2026-04-01T00:00:00Z"), end: at("2026-05-01T00:00:00Z") };
    expect(prorate(3000, period, at("2026-04-11T00:00:00Z"))).toBe(2000);
    expect(prorate(1000, period, at("2026-04-30T12:00:00Z"))).toBe(33);
    expect(prorate(1000, period, period.end)).toBe(0);
  });
});

describe("test cards", () => {
  it("knows Stripe's test numbers and validates the rest with Luhn", () => {
    expect(checkTestCard("4242 4242 4242 4242")).toMatchObject({
      ok: true,
      card: { brand: "visa", last4: "4242" },
    });
    expect(checkTestCard("4000000000000002")).toMatchObject({
      ok: false,
      message: "Your card was declined.",
    });
    expect(checkTestCard("4000000000000341")).toMatchObject({
      ok: true,
      card: { behaviour: "charges_fail" },
    });
    expect(checkTestCard("378282246310005")).toMatchObject({ ok: true, card: { brand: "amex" } });
    expect(checkTestCard("4242424242424241")).toMatchObject({
      ok: false,
      message: "Your card number is invalid.",
    });
    expect(checkTestCard("4242424242424242")).toEqual(checkTestCard("4242-4242-4242-4242"));
  });

  it("reads MM / YY expiry dates and refuses past ones", () => {
    const now = new Date("2026-06-15T00:00:00Z");
    expect(checkExpiry("12 / 29", now)).toEqual({ ok: true, expiry: { month: 12, year: 2029 } });
    expect(checkExpiry("05/2026", now)).toMatchObject({ ok: false });
    expect(checkExpiry("13 / 29", now)).toMatchObject({ ok: false });
  });
});

import { describe, expect, it } from "vitest";
import { dailyMrrHistory, mrrAt, primaryCurrency } from "./history";

const at = (iso: string) => new Date(iso);

describe("mrrAt", () => {
  const rows = [
    { effectiveAt: at("2026-10-01T10:00:00Z"), mrr: 4900 },
    { effectiveAt: at("2026-10-15T08:00:00Z"), mrr: 9800 },
    { effectiveAt: at("2026-11-01T00:00:00Z"), mrr: 0 },
  ];
  it.each([
    ["2026-09-30T23:59:59Z", null],
    ["2026-10-01T10:00:00Z", 4900],
    ["2026-10-15T07:59:59Z", 4900],
    ["2026-10-20T00:00:00Z", 9800],
    ["2026-11-02T00:00:00Z", 0],
  ])("at %s is %s (the last change at or before, null before the first)", (instant, expected) => {
    expect(mrrAt(rows, at(instant))).toBe(expected);
  });
  it("does not depend on the order of the rows", () => {
    expect(mrrAt([...rows].reverse(), at("2026-10-20T00:00:00Z"))).toBe(9800);
  });
});

describe("dailyMrrHistory", () => {
  it("gives one point per day, oldest first, the value at the end of each day, 0 before any change", () => {
    const rows = [
      { effectiveAt: at("2026-11-02T12:00:00Z"), mrr: 100 },
      { effectiveAt: at("2026-11-02T13:00:00Z"), mrr: 300 },
      { effectiveAt: at("2026-11-04T00:00:00Z"), mrr: 200 },
    ];
    expect(dailyMrrHistory(rows, { now: at("2026-11-05T09:00:00Z"), days: 5 })).toEqual([
      { date: "2026-11-01", mrr: 0 },
      { date: "2026-11-02", mrr: 300 },
      { date: "2026-11-03", mrr: 300 },
      { date: "2026-11-04", mrr: 200 },
      { date: "2026-11-05", mrr: 200 },
    ]);
  });
  it("ignores changes after now and carries older changes into the window", () => {
    const rows = [
      { effectiveAt: at("2026-01-01T00:00:00Z"), mrr: 50 },
      { effectiveAt: at("2026-11-05T10:00:00Z"), mrr: 999 },
    ];
    const points = dailyMrrHistory(rows, { now: at("2026-11-05T09:00:00Z"), days: 90 });
    expect(points).toHaveLength(90);
    expect(points.every((point) => point.mrr === 50)).toBe(true);
    expect(points.at(-1)?.date).toBe("2026-11-05");
  });
});

describe("primaryCurrency", () => {
  it("is the currency with the most MRR", () => {
    expect(
      primaryCurrency([
        { currency: "EUR", mrr: 100, latestSubscriptionId: "sub_2" },
        { currency: "USD", mrr: 200, latestSubscriptionId: "sub_1" },
      ]),
    ).toBe("USD");
  });
  it("on a tie (also 0 everywhere) is that of the newest subscription", () => {
    expect(
      primaryCurrency([
        { currency: "USD", mrr: 0, latestSubscriptionId: "sub_1" },
        { currency: "EUR", mrr: 0, latestSubscriptionId: "sub_2" },
      ]),
    ).toBe("EUR");
  });
  it("is null without subscriptions", () => {
    expect(primaryCurrency([])).toBeNull();
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classifyMovement, customerMrrChanges, summariseMovements, toMovements } from "./movements";
import type { MovementType, MrrChange } from "./types";

const change = (startMrr: number, endMrr: number, hadMrrBeforeStart = false): MrrChange => ({
  customerId: "cus_1",
  currency: "USD",
  startMrr,
  endMrr,
  hadMrrBeforeStart,
});

describe("classifyMovement", () => {
  it.each<[string, MrrChange, MovementType | null]>([
    ["0 → >0, first time: new", change(0, 4900), "new"],
    ["0 → >0, had MRR before: reactivation", change(0, 4900, true), "reactivation"],
    ["up: expansion", change(4900, 9800, true), "expansion"],
    ["down, still > 0: contraction", change(9800, 4900, true), "contraction"],
    [">0 → 0: churn", change(4900, 0, true), "churn"],
    ["unchanged: no movement", change(4900, 4900, true), null],
    ["0 → 0: no movement", change(0, 0), null],
  ])("%s", (_name, input, expected) => {
    expect(classifyMovement(input)).toBe(expected);
  });

  it("rejects non-integer MRR", () => {
    expect(() => classifyMovement(change(1.5, 0))).toThrow(RangeError);
  });
});

describe("customerMrrChanges", () => {
  it("classifies a customer with two currencies per currency", () => {
    const rows = customerMrrChanges({
      customerId: "cus_1",
      start: { USD: 4900 },
      end: { usd: 9800, EUR: 1000 },
      currenciesWithEarlierMrr: ["eur"],
    });
    expect(toMovements(rows)).toEqual([
      { customerId: "cus_1", currency: "USD", type: "expansion", delta: 4900 },
      { customerId: "cus_1", currency: "EUR", type: "reactivation", delta: 1000 },
    ]);
  });
});

describe("summariseMovements", () => {
  it("totals counts and positive amounts per type and currency", () => {
    const summary = summariseMovements([
      change(0, 4900),
      { ...change(0, 1000), customerId: "cus_2" },
      { ...change(9800, 4900, true), customerId: "cus_3" },
      { ...change(4900, 0, true), customerId: "cus_4" },
      { ...change(4900, 4900, true), customerId: "cus_5" },
      { ...change(0, 2000, true), customerId: "cus_6", currency: "EUR" },
    ]);
    expect(summary.USD).toEqual({
      currency: "USD",
      startMrr: 19_600,
      endMrr: 15_700,
      byType: {
        new: { count: 2, amount: 5900 },
        reactivation: { count: 0, amount: 0 },
        expansion: { count: 0, amount: 0 },
        contraction: { count: 1, amount: 4900 },
        churn: { count: 1, amount: 4900 },
      },
      netNewMrr: -3900,
    });
    expect(summary.EUR?.byType.reactivation).toEqual({ count: 1, amount: 2000 });
    expect(summary.EUR?.netNewMrr).toBe(2000);
  });

  it("net new MRR equals end MRR − start MRR in every currency", () => {
    const changeArb = fc.record({
      customerId: fc.string(),
      currency: fc.constantFrom("USD", "EUR", "jpy"),
      startMrr: fc.oneof(fc.constant(0), fc.nat(1_000_000)),
      endMrr: fc.oneof(fc.constant(0), fc.nat(1_000_000)),
      hadMrrBeforeStart: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(changeArb), (changes) => {
        for (const s of Object.values(summariseMovements(changes))) {
          const inCurrency = changes.filter((c) => c.currency.toUpperCase() === s.currency);
          const start = inCurrency.reduce((sum, c) => sum + c.startMrr, 0);
          const end = inCurrency.reduce((sum, c) => sum + c.endMrr, 0);
          expect([s.startMrr, s.endMrr, s.netNewMrr]).toEqual([start, end, end - start]);
        }
      }),
    );
  });
});

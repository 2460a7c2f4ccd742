import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dailyFiguresOf, type MrrEvent, movementOfEvent, netNewMrr } from "./mrr-events";
import { periodsOf } from "./periods";
import { mrrSeries } from "./series";

const event = (at: string, mrrBefore: number, mrrAfter: number, hadMrrBefore = mrrBefore > 0): MrrEvent => ({
  currency: "USD",
  at: new Date(at),
  mrrBefore,
  mrrAfter,
  hadMrrBefore,
});

describe("the event rule", () => {
  it("counts a churn and a reactivation in one month as two movements of one customer", () => {
    const days = dailyFiguresOf([
      event("2026-11-02T10:00:00Z", 0, 4900),
      event("2026-11-10T10:00:00Z", 4900, 0),
      event("2026-11-20T10:00:00Z", 0, 9800, true),
    ]);
    const [november] = mrrSeries({
      periods: periodsOf("2026-11-01", "2026-11-30", "month"),
      days,
      before: null,
    });
    expect(november?.movements).toEqual({
      new: { count: 1, amount: 4900 },
      expansion: { count: 0, amount: 0 },
      reactivation: { count: 1, amount: 9800 },
      contraction: { count: 0, amount: 0 },
      churn: { count: 1, amount: 4900 },
    });
    expect(november).toMatchObject({
      startMrr: 0,
      endMrr: 9800,
      netNewMrr: 9800,
      payingCustomers: 1,
      endYrr: 117600,
    });
  });

  it("puts an event on its UTC day", () => {
    const days = dailyFiguresOf([
      event("2026-11-30T23:59:59.999Z", 0, 100),
      event("2026-12-01T00:00:00Z", 100, 50),
    ]);
    expect(days.map((each) => [each.day, each.endMrr])).toEqual([
      ["2026-11-30", 100],
      ["2026-12-01", 50],
    ]);
  });

  const events = fc
    .array(
      fc.record({
        customer: fc.integer({ min: 0, max: 4 }),
        currency: fc.constantFrom("USD", "EUR"),
        offset: fc.integer({ min: 0, max: 400 * 86_400 }),
        mrr: fc.integer({ min: 0, max: 20_000 }),
      }),
      { maxLength: 60 },
    )
    .map((raw) => {
      // A history per (customer, currency) as recordMrrSnapshots writes it: a row only when the figure moves.
      const state = new Map<string, { mrr: number; had: boolean }>();
      const out: MrrEvent[] = [];
      for (const each of [...raw].sort((a, b) => a.offset - b.offset)) {
        const key = `${each.customer} ${each.currency}`;
        const before = state.get(key) ?? { mrr: 0, had: false };
        if (before.mrr === each.mrr) continue;
        out.push({
          currency: each.currency,
          at: new Date(Date.UTC(2026, 0, 1) + each.offset * 1000),
          mrrBefore: before.mrr,
          mrrAfter: each.mrr,
          hadMrrBefore: before.had,
        });
        state.set(key, { mrr: each.mrr, had: before.had || before.mrr > 0 });
      }
      return out;
    });

  it("for every point: start + net = end, points chain, the last end is the sum of the last figures", () => {
    fc.assert(
      fc.property(events, fc.constantFrom("day", "week", "month" as const), (list, interval) => {
        const days = dailyFiguresOf(list);
        for (const currency of ["USD", "EUR"]) {
          const own = days.filter((each) => each.currency === currency);
          const points = mrrSeries({
            periods: periodsOf("2026-01-01", "2027-02-10", interval),
            days: own,
            before: null,
          });
          for (const [index, point] of points.entries()) {
            expect(point.startMrr + point.netNewMrr).toBe(point.endMrr);
            expect(netNewMrr(point.movements)).toBe(point.netNewMrr);
            if (index > 0) expect(point.startMrr).toBe(points[index - 1]?.endMrr);
          }
          const finalByPair = list
            .filter((each) => each.currency === currency)
            .reduce((sum, each) => sum + each.mrrAfter - each.mrrBefore, 0);
          expect(points.at(-1)?.endMrr ?? 0).toBe(finalByPair);
          const counted = points.reduce(
            (sum, point) => sum + Object.values(point.movements).reduce((s, m) => s + m.count, 0),
            0,
          );
          expect(counted).toBe(
            list.filter((each) => each.currency === currency && movementOfEvent(each) !== null).length,
          );
        }
      }),
    );
  });
});

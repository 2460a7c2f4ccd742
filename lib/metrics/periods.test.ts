import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, countPeriods, defaultSeriesFrom, periodStartOf, periodsOf } from "./periods";

describe("periodsOf", () => {
  it("clips the first and last month to the range", () => {
    expect(periodsOf("2026-01-15", "2026-03-02", "month")).toEqual([
      { start: "2026-01-15", end: "2026-01-31" },
      { start: "2026-02-01", end: "2026-02-28" },
      { start: "2026-03-01", end: "2026-03-02" },
    ]);
  });
  it("starts ISO weeks on Monday (2026-11-30 is a Monday)", () => {
    expect(periodsOf("2026-11-25", "2026-12-08", "week")).toEqual([
      { start: "2026-11-25", end: "2026-11-29" },
      { start: "2026-11-30", end: "2026-12-06" },
      { start: "2026-12-07", end: "2026-12-08" },
    ]);
    expect(periodStartOf("2026-11-29", "week")).toBe("2026-11-23");
    expect(periodStartOf("2026-11-30", "week")).toBe("2026-11-30");
  });
  it("counts a leap day", () => {
    expect(periodsOf("2028-02-28", "2028-03-01", "day").map((period) => period.start)).toEqual([
      "2028-02-28",
      "2028-02-29",
      "2028-03-01",
    ]);
  });
  it("defaults to 24 monthly points ending with to's month", () => {
    expect(defaultSeriesFrom("2026-12-02")).toBe("2025-01-01");
    expect(periodsOf(defaultSeriesFrom("2026-12-02"), "2026-12-02", "month")).toHaveLength(24);
  });

  const date = fc.integer({ min: 0, max: 3000 }).map((offset) => addDays("2024-01-01", offset));
  it("covers every day of the range exactly once, in order, and countPeriods agrees", () => {
    fc.assert(
      fc.property(
        date,
        fc.integer({ min: 0, max: 400 }),
        fc.constantFrom("day", "week", "month" as const),
        (from, length, interval) => {
          const to = addDays(from, length);
          const periods = periodsOf(from, to, interval);
          expect(periods).toHaveLength(countPeriods(from, to, interval));
          expect(periods[0]?.start).toBe(from);
          expect(periods.at(-1)?.end).toBe(to);
          for (const [index, period] of periods.entries()) {
            expect(period.start <= period.end).toBe(true);
            if (index > 0) expect(period.start).toBe(addDays(periods[index - 1]?.end as string, 1));
          }
        },
      ),
    );
  });
});

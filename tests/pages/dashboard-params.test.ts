import { describe, expect, it } from "vitest";
import {
  defaultFrom,
  isCalendarDate,
  pointCount,
  readDashboardParams,
} from "@/app/(dashboard)/dashboard/dashboard-params";

const TODAY = "2026-12-02";

describe("the dashboard's URL parameters", () => {
  it("default to the API's: 24 months up to today, monthly, the book's first currency", () => {
    expect(readDashboardParams({}, TODAY)).toEqual({
      params: { currency: null, from: "2025-01-01", to: TODAY, interval: "month" },
      notes: [],
    });
    expect(pointCount("2025-01-01", TODAY, "month")).toBe(24);
  });

  it("keep good values, the currency upper-cased", () => {
    const read = readDashboardParams(
      { currency: "eur", from: "2026-11-01", to: "2026-11-30", interval: "week" },
      TODAY,
    );
    expect(read).toEqual({
      params: { currency: "EUR", from: "2026-11-01", to: "2026-11-30", interval: "week" },
      notes: [],
    });
  });

  it("fall back value by value, with a note naming each bad one", () => {
    const read = readDashboardParams(
      { currency: "euro", from: "2026-02-30", to: "tomorrow", interval: "hour" },
      TODAY,
    );
    expect(read.params).toEqual({ currency: null, from: "2025-01-01", to: TODAY, interval: "month" });
    expect(read.notes).toHaveLength(4);
    for (const bad of ["euro", "2026-02-30", "tomorrow", "hour"])
      expect(read.notes.some((note) => note.includes(bad))).toBe(true);
  });

  it("a start after the end falls back to the default range", () => {
    const read = readDashboardParams({ from: "2026-10-01", to: "2026-09-01" }, TODAY);
    expect(read.params).toMatchObject({ from: "2025-01-01", to: TODAY });
    expect(read.notes[0]).toContain("after the end date");
  });

  it("more points than the API serves (1,000) becomes months, or the default range", () => {
    const days = readDashboardParams({ from: "2020-01-01", to: "2026-01-01", interval: "day" }, TODAY);
    expect(days.params).toMatchObject({ from: "2020-01-01", to: "2026-01-01", interval: "month" });
    expect(days.notes[0]).toContain("showing months");
    const centuries = readDashboardParams({ from: "1900-01-01", to: "2026-01-01" }, TODAY);
    expect(centuries.params).toMatchObject({ from: "2025-01-01", to: TODAY, interval: "month" });
  });

  it("count ISO weeks (from Monday), days and months, both ends included", () => {
    // 2026-11-30 is a Monday: Sunday the 29th and Monday the 30th are in different weeks.
    expect(pointCount("2026-11-29", "2026-11-30", "week")).toBe(2);
    expect(pointCount("2026-11-30", "2026-12-06", "week")).toBe(1);
    expect(pointCount("2026-11-30", "2026-12-06", "day")).toBe(7);
    expect(pointCount("2025-12-31", "2026-01-01", "month")).toBe(2);
    expect(pointCount("2020-01-01", "2022-09-26", "day")).toBe(1000);
  });

  it("know real dates and the default start across a year", () => {
    expect(isCalendarDate("2028-02-29")).toBe(true);
    expect(isCalendarDate("2026-02-29")).toBe(false);
    expect(isCalendarDate("2026-1-01")).toBe(false);
    expect(defaultFrom("2026-03-15")).toBe("2024-04-01");
  });
});

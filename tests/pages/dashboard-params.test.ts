import { describe, expect, it } from "vitest";
import { readDashboardParams } from "@/app/(dashboard)/dashboard/dashboard-params";
import { defaultSeriesFrom } from "@/lib/metrics";

// The page reads its URL with GET /metrics/mrr.json's own schema, whose `to` defaults to today.
const today = () => new Date().toISOString().slice(0, 10);

describe("the dashboard's URL parameters", () => {
  it("default to the API's: 24 months up to today, monthly, no currency chosen", () => {
    expect(readDashboardParams({})).toEqual({
      params: { currency: null, from: defaultSeriesFrom(today()), to: today(), interval: "month" },
      notes: [],
    });
  });

  it("keep good values, the currency upper-cased, the first of a repeated parameter", () => {
    const read = readDashboardParams({
      currency: "eur",
      from: ["2026-11-01", "2020-01-01"],
      to: "2026-11-30",
      interval: "week",
    });
    expect(read).toEqual({
      params: { currency: "EUR", from: "2026-11-01", to: "2026-11-30", interval: "week" },
      notes: [],
    });
  });

  it("drop each value the API would refuse, with a note naming it and why", () => {
    const read = readDashboardParams({
      currency: "euro",
      from: "2026-02-30",
      to: "tomorrow",
      interval: "hour",
    });
    expect(read.params).toEqual({
      currency: null,
      from: defaultSeriesFrom(today()),
      to: today(),
      interval: "month",
    });
    expect(read.notes).toHaveLength(4);
    for (const bad of ["currency=euro", "from=2026-02-30", "to=tomorrow", "interval=hour"])
      expect(read.notes.filter((note) => note.startsWith(`Ignored ${bad}:`))).toHaveLength(1);
  });

  it("a start after the end: the start goes (the default start of that end)", () => {
    const read = readDashboardParams({ from: "2026-10-01", to: "2026-09-15" });
    expect(read.params).toMatchObject({ from: "2024-10-01", to: "2026-09-15" });
    expect(read.notes).toEqual(["Ignored from=2026-10-01: must not be after `to` (today when absent)."]);
  });

  it("more than 1,000 points: the interval goes (months), then the start if months are still too many", () => {
    const days = readDashboardParams({ from: "2020-01-01", to: "2026-01-01", interval: "day" });
    expect(days.params).toMatchObject({ from: "2020-01-01", to: "2026-01-01", interval: "month" });
    expect(days.notes[0]).toMatch(/^Ignored interval=day: gives more than 1000 points/);
    const centuries = readDashboardParams({ from: "1900-01-01", to: "2026-01-01" });
    expect(centuries.params).toMatchObject({ from: "2024-02-01", to: "2026-01-01", interval: "month" });
    expect(centuries.notes[0]).toMatch(/^Ignored from=1900-01-01: interval gives more than 1000 points/);
  });
});

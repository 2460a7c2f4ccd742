import type { SeriesInterval } from "@/lib/queries/types";

const month = new Intl.DateTimeFormat("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });
const day = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

const utc = (date: string) => new Date(`${date}T00:00:00Z`);

/**
 * A period's name on an axis and in a table: "Nov 2026", "week of 2 Nov 2026", "2 Nov 2026".
 * A month keeps its name when the API clips it to the range; a clipped week is named by its first day shown.
 */
export function periodLabel(periodStart: string, interval: SeriesInterval): string {
  if (interval === "month") return month.format(utc(periodStart));
  if (interval === "week") return `week of ${day.format(utc(periodStart))}`;
  return day.format(utc(periodStart));
}

/** The exact dates a period covers, for the drill-down's heading: "1 Nov 2026 – 30 Nov 2026". */
export function periodRange(periodStart: string, periodEnd: string): string {
  return periodStart === periodEnd
    ? day.format(utc(periodStart))
    : `${day.format(utc(periodStart))} – ${day.format(utc(periodEnd))}`;
}

// Periods of a series: UTC days, ISO weeks (Monday to Sunday) or calendar months, the first and
// the last clipped to the requested range. Dates are YYYY-MM-DD strings throughout.

export const SERIES_INTERVALS = ["day", "week", "month"] as const;
export type SeriesInterval = (typeof SERIES_INTERVALS)[number];

export interface Period {
  /** First day, YYYY-MM-DD (inclusive). */
  start: string;
  /** Last day, YYYY-MM-DD (inclusive). */
  end: string;
}

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const dateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The first day of the period of `interval` that contains `date`. */
export function periodStartOf(date: string, interval: SeriesInterval): string {
  if (interval === "day") return date;
  if (interval === "month") return `${date.slice(0, 7)}-01`;
  const day = dayNumber(date);
  // 1970-01-01 was a Thursday: (day + 3) mod 7 is 0 on Mondays.
  return dateOf(day - ((((day + 3) % 7) + 7) % 7));
}

function nextPeriodStart(start: string, interval: SeriesInterval): string {
  if (interval === "day") return dateOf(dayNumber(start) + 1);
  if (interval === "week") return dateOf(dayNumber(start) + 7);
  const [year, month] = start.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 10);
}

/** How many periods [from, to] spans, without listing them (to refuse too long a series first). */
export function countPeriods(from: string, to: string, interval: SeriesInterval): number {
  if (from > to) return 0;
  if (interval === "day") return dayNumber(to) - dayNumber(from) + 1;
  if (interval === "week")
    return (dayNumber(periodStartOf(to, "week")) - dayNumber(periodStartOf(from, "week"))) / 7 + 1;
  const months = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7));
  return months(to) - months(from) + 1;
}

/** The periods covering [from, to], oldest first, the first and last clipped to the range. */
export function periodsOf(from: string, to: string, interval: SeriesInterval): Period[] {
  const periods: Period[] = [];
  let start = periodStartOf(from, interval);
  while (start <= to) {
    const next = nextPeriodStart(start, interval);
    const end = dateOf(dayNumber(next) - 1);
    periods.push({ start: start < from ? from : start, end: end > to ? to : end });
    start = next;
  }
  return periods;
}

/** The default range of the series: 24 months ending with `to`'s month (from = its first day). */
export function defaultSeriesFrom(to: string): string {
  const [year, month] = to.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(year, month - 1 - 23, 1)).toISOString().slice(0, 10);
}

/** `date` shifted by `days` (negative: earlier). */
export function addDays(date: string, days: number): string {
  return dateOf(dayNumber(date) + days);
}

import type { SeriesInterval } from "@/lib/queries/revenue-types";

/**
 * The dashboard's state lives in the URL in GET /metrics/mrr.json's own parameter names
 * (`currency`, `from`, `to`, `interval`), so a bookmarked view reloads as it was. A value the
 * API would refuse with a 400 is not sent: it falls back to the default, and the page says so
 * (a note per fallback) instead of showing an error where a chart should be.
 */
export interface DashboardParams {
  /** Upper case; null = the first currency the book has (the page picks it from the series). */
  currency: string | null;
  from: string;
  to: string;
  interval: SeriesInterval;
}

export const INTERVALS: readonly SeriesInterval[] = ["day", "week", "month"];

/** The API's ceiling on one series (issue 14 contract: more than 1,000 points is a 400). */
export const MAX_POINTS = 1000;

const DAY_MS = 86_400_000;

type Search = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim();

/** A real calendar date written YYYY-MM-DD (2026-02-30 is not one). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [year, month, day] = value.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const dayNumber = (date: string) => Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
const isoDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The API's default start: the first day of the month 23 months before `to`'s (24 monthly points). */
export function defaultFrom(to: string): string {
  const [year, month] = to.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(year, month - 1 - 23, 1)).toISOString().slice(0, 10);
}

/** How many points the series from `from` to `to` has: periods are UTC days, ISO weeks or months. */
export function pointCount(from: string, to: string, interval: SeriesInterval): number {
  if (interval === "day") return dayNumber(to) - dayNumber(from) + 1;
  if (interval === "week") {
    // Day 0 (1970-01-01) was a Thursday: Monday-based week numbers are (day + 3) / 7.
    const week = (date: string) => Math.floor((dayNumber(date) + 3) / 7);
    return week(to) - week(from) + 1;
  }
  const [fromYear, fromMonth] = from.split("-").map(Number) as [number, number];
  const [toYear, toMonth] = to.split("-").map(Number) as [number, number];
  return (toYear - fromYear) * 12 + (toMonth - fromMonth) + 1;
}

/** The URL's parameters as the page uses them, with a sentence for each value that fell back. */
export function readDashboardParams(
  search: Search,
  today: string,
): { params: DashboardParams; notes: string[] } {
  const notes: string[] = [];
  const raw = {
    currency: first(search.currency),
    from: first(search.from),
    to: first(search.to),
    interval: first(search.interval),
  };

  let currency: string | null = null;
  if (raw.currency) {
    if (/^[A-Za-z]{3}$/.test(raw.currency)) currency = raw.currency.toUpperCase();
    else notes.push(`“${raw.currency}” is not an ISO 4217 currency code; showing the book's first currency.`);
  }

  let interval: SeriesInterval = "month";
  if (raw.interval) {
    if ((INTERVALS as readonly string[]).includes(raw.interval)) interval = raw.interval as SeriesInterval;
    else notes.push(`“${raw.interval}” is not an interval (day, week or month); showing months.`);
  }

  let to = today;
  if (raw.to) {
    if (isCalendarDate(raw.to)) to = raw.to;
    else notes.push(`The end date “${raw.to}” is not a date (YYYY-MM-DD); showing up to today.`);
  }
  let from = defaultFrom(to);
  if (raw.from) {
    if (isCalendarDate(raw.from)) from = raw.from;
    else notes.push(`The start date “${raw.from}” is not a date (YYYY-MM-DD); showing 24 months.`);
  }

  if (from > to) {
    notes.push(`The start date ${from} is after the end date ${to}; showing the 24 months up to ${today}.`);
    to = today;
    from = defaultFrom(today);
  }
  const points = pointCount(from, to, interval);
  if (points > MAX_POINTS) {
    if (interval !== "month" && pointCount(from, to, "month") <= MAX_POINTS) {
      notes.push(
        `${points.toLocaleString("en-US")} ${interval} points is more than the ${MAX_POINTS.toLocaleString("en-US")} a chart can show; showing months.`,
      );
      interval = "month";
    } else {
      notes.push(
        `The range ${from} to ${to} is too long for one chart; showing the 24 months up to ${today}.`,
      );
      to = today;
      from = defaultFrom(today);
    }
  }
  return { params: { currency, from, to, interval }, notes };
}

/** The dashboard URL of a state; the defaults (24 months to today, monthly) are left out. */
export function dashboardHref(params: DashboardParams, today: string): string {
  const search = new URLSearchParams();
  if (params.currency) search.set("currency", params.currency);
  if (params.to !== today) search.set("to", params.to);
  if (params.from !== defaultFrom(params.to)) search.set("from", params.from);
  if (params.interval !== "month") search.set("interval", params.interval);
  const query = search.toString();
  return query ? `/dashboard?${query}` : "/dashboard";
}

export const todayUtc = (now = new Date()) => isoDay(Math.floor(now.getTime() / DAY_MS));

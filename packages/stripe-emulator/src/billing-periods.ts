import type Stripe from "stripe";

export type Interval = Stripe.Price.Recurring.Interval;

const DAY = 24 * 60 * 60;

/**
 * `anchor` moved by `count` intervals in UTC calendar terms. Months keep the anchor's day and
 * clamp it to short months (Jan 31 → Feb 28 → Mar 31), as Stripe's billing cycle anchor does, so
 * periods are always computed from the anchor rather than from the previous (clamped) end.
 */
export function addIntervals(anchor: number, interval: Interval, count: number): number {
  if (interval === "day") return anchor + count * DAY;
  if (interval === "week") return anchor + count * 7 * DAY;
  const months = interval === "year" ? count * 12 : count;
  const start = new Date(anchor * 1000);
  const monthIndex = start.getUTCMonth() + months;
  const year = start.getUTCFullYear() + Math.floor(monthIndex / 12);
  const month = ((monthIndex % 12) + 12) % 12;
  const lastDayOfMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(start.getUTCDate(), lastDayOfMonth);
  const moved = Date.UTC(year, month, day, start.getUTCHours(), start.getUTCMinutes(), start.getUTCSeconds());
  return Math.floor(moved / 1000);
}

/** The first period boundary strictly after `after`, counting whole cycles from `anchor`. */
export function nextPeriodEnd(
  anchor: number,
  interval: Interval,
  intervalCount: number,
  after: number,
): number {
  let cycles = 1;
  while (addIntervals(anchor, interval, cycles * intervalCount) <= after) cycles++;
  return addIntervals(anchor, interval, cycles * intervalCount);
}

/**
 * Day-based proration: the share of `amount` for the whole days left in the period (rounded to
 * the nearest minor unit). Good enough for an emulator; Stripe prorates to the second.
 */
export function prorate(amount: number, period: { start: number; end: number }, now: number): number {
  const totalDays = Math.max(1, Math.round((period.end - period.start) / DAY));
  const remainingDays = Math.min(totalDays, Math.max(0, Math.ceil((period.end - now) / DAY)));
  return Math.round((amount * remainingDays) / totalDays);
}

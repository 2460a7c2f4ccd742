import type { SubscriptionStatus } from "../../metrics";

/** The subscription columns MRR is computed from (lib/metrics' mrrByCurrency input). */
export const MRR_INPUT_COLUMNS = {
  status: true,
  currency: true,
  unitAmount: true,
  quantity: true,
  interval: true,
  intervalCount: true,
} as const;

/** A stored subscription as lib/metrics' input: the database keeps status and interval as text. */
export function mrrInputOf<Row extends { status: string; interval: string }>(row: Row) {
  return { ...row, status: row.status as SubscriptionStatus, interval: row.interval as "month" | "year" };
}

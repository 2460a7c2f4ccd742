import type { MrrByCurrency } from "../../metrics";

/** Statuses after which a subscription bills nothing ever again (Stripe's terminal ones). */
const ENDED_STATUSES: ReadonlySet<string> = new Set(["canceled", "incomplete_expired"]);

/**
 * The currencies a customer bills in, sorted: those with MRR now, and those of subscriptions that
 * have not ended (trialing, paused, unpaid, incomplete), which count 0 for now. customer_mrr keeps
 * a row for each, so "customers billed in EUR" finds a trial too; a currency whose subscriptions
 * have all ended loses its row.
 */
export function billedCurrencies(
  subscriptions: readonly { status: string; currency: string }[],
  mrr: MrrByCurrency,
): string[] {
  const live = subscriptions.filter((row) => !ENDED_STATUSES.has(row.status)).map((row) => row.currency);
  return [...new Set([...Object.keys(mrr), ...live])].sort();
}

import type { Db } from "../../db";
import { notFound } from "../../errors/app-error";
import {
  assessRisk,
  dailyMrrHistory,
  mrrAt,
  mrrByCurrency,
  primaryCurrency,
  yrrFromMrr,
} from "../../metrics";
import { HISTORY_DAYS, loadCustomerMetricFacts } from "./load-customer-metric-facts";
import { mrrInputOf } from "./mrr-input";

const DAY_MS = 86_400_000;

/**
 * One customer's MRR/YRR (per currency, and headline figures in its primary currency: the one
 * with the most MRR, ties going to the newest subscription's), 90 days of daily MRR history and
 * the risk assessment. Pure lib/metrics functions do the arithmetic; this only gathers facts.
 */
export async function getCustomerMetrics({
  customerId,
  now = new Date(),
  client,
}: {
  customerId: string;
  now?: Date;
  /** The report connections when the book's at-risk list assesses its customers. */
  client?: Db;
}) {
  const facts = await loadCustomerMetricFacts({ customerId, now, client });
  if (!facts.customer) throw notFound("customer", customerId);
  const byCurrency = mrrByCurrency(facts.subscriptions.map(mrrInputOf));
  const latestByCurrency = new Map<string, string>();
  for (const row of facts.subscriptions) {
    if ((latestByCurrency.get(row.currency) ?? "") < row.id) latestByCurrency.set(row.currency, row.id);
  }
  const currency = primaryCurrency(
    [...latestByCurrency].map(([code, latestSubscriptionId]) => ({
      currency: code,
      mrr: byCurrency[code] ?? 0,
      latestSubscriptionId,
    })),
  );
  const changes = facts.mrrChanges.filter((row) => row.currency === currency);
  const mrr = currency ? (byCurrency[currency] ?? 0) : 0;
  const mrr30DaysAgo = mrrAt(changes, new Date(now.getTime() - 30 * DAY_MS));
  const card = facts.customer.defaultPaymentMethod;
  const risk = assessRisk({
    now,
    defaultPaymentMethod: card ? { card } : null,
    failedChargesLast90Days: facts.failedCharges,
    disputedChargesLast90Days: facts.disputedCharges,
    pastDueSubscriptions: facts.subscriptions.filter((row) => row.status === "past_due").length,
    currency: currency ?? "USD",
    mrrNow: mrr,
    mrr30DaysAgo,
  });
  return {
    object: "customer_metrics" as const,
    customer_id: customerId,
    currency,
    mrr,
    yrr: yrrFromMrr(mrr),
    mrr_by_currency: byCurrency,
    yrr_by_currency: Object.fromEntries(
      Object.entries(byCurrency).map(([code, value]) => [code, yrrFromMrr(value)]),
    ),
    mrr_30_days_ago: mrr30DaysAgo,
    risk,
    history: dailyMrrHistory(changes, { now, days: HISTORY_DAYS }),
    as_of: now.toISOString(),
  };
}

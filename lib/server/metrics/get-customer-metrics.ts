import type { Tx } from "../../db";
import { notFound } from "../../errors/app-error";
import { dailyMrrHistory, yrrFromMrr } from "../../metrics";
import { customerFiguresOf } from "./customer-figures";
import { HISTORY_DAYS, loadCustomerMetricFacts } from "./load-customer-metric-facts";

/**
 * One customer's MRR/YRR (per currency, and headline figures in its primary currency: the one
 * with the most MRR, ties going to the newest subscription's), 90 days of daily MRR history and
 * the risk assessment. Pure lib/metrics functions do the arithmetic (customerFiguresOf); this only gathers facts.
 */
export async function getCustomerMetrics({
  customerId,
  now = new Date(),
  client,
}: {
  customerId: string;
  now?: Date;
  /** Another client than the app pool: the report connections, or a transaction. */
  client?: Tx;
}) {
  const facts = await loadCustomerMetricFacts({ customerId, now, client });
  if (!facts.customer) throw notFound("customer", customerId);
  const { byCurrency, currency, mrr, mrr30DaysAgo, changes, risk } = customerFiguresOf(facts, now);
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

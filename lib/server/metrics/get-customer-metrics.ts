import { db, type Tx } from "../../db";
import { notFound } from "../../errors/app-error";
import { dailyMrrHistory, type RiskSignalCode, yrrFromMrr } from "../../metrics";
import { serializeMrrChange } from "../../serializers/mrr-change";
import { breakdownOf } from "./breakdown-of";
import { customerFiguresOf } from "./customer-figures";
import { HISTORY_DAYS, loadCustomerMetricFacts } from "./load-customer-metric-facts";

/** The customer's MRR changes listed in its metrics, newest first. */
export const HISTORY_CHANGES = 100;

/**
 * One customer's MRR/YRR (per currency, and headline figures in its primary currency: the one
 * with the most MRR, ties going to the newest subscription's), the line-by-line breakdown of it,
 * its MRR changes with their causes, 90 days of daily MRR, and the risk assessment with each
 * signal's evidence, since when it holds, and the signals' history (customer_risk_signals).
 * Pure lib/metrics functions do the arithmetic (customerFiguresOf, breakdownLine); this only
 * gathers facts.
 */
export async function getCustomerMetrics({
  customerId,
  now = new Date(),
  client = db(),
}: {
  customerId: string;
  now?: Date;
  /** Another client than the app pool: the report connections, or a transaction. */
  client?: Tx;
}) {
  const [facts, changes, periods] = await Promise.all([
    loadCustomerMetricFacts({ customerId, now, client }),
    client.mrrSnapshot.findMany({
      where: { customerId },
      orderBy: [{ effectiveAt: "desc" }, { id: "desc" }],
      take: HISTORY_CHANGES,
    }),
    client.customerRiskSignal.findMany({
      where: { customerId },
      orderBy: [{ appearedAt: "desc" }, { id: "desc" }],
    }),
  ]);
  if (!facts.customer) throw notFound("customer", customerId);
  const {
    byCurrency,
    currency,
    mrr,
    mrr30DaysAgo,
    changes: primaryChanges,
    risk,
  } = customerFiguresOf(facts, now);
  const openSince = new Map(periods.filter((row) => !row.clearedAt).map((row) => [row.code, row.appearedAt]));
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
    risk: {
      ...risk,
      signals: risk.signals.map((signal) => ({
        ...signal,
        since: openSince.get(signal.code)?.toISOString() ?? null,
      })),
    },
    risk_history: periods.map((row) => ({
      // Written only with assessRisk's codes (keep-risk-changes.ts, create-customer.ts).
      code: row.code as RiskSignalCode,
      appeared_at: row.appearedAt.toISOString(),
      cleared_at: row.clearedAt?.toISOString() ?? null,
    })),
    breakdown: breakdownOf(facts.subscriptions),
    history: changes.map(serializeMrrChange),
    daily_mrr: dailyMrrHistory(primaryChanges, { now, days: HISTORY_DAYS }),
    as_of: now.toISOString(),
  };
}

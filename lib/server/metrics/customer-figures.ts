import {
  assessRisk,
  mrrAt,
  mrrByCurrency,
  overdueInvoices,
  primaryCurrency,
  withEvidence,
} from "../../metrics";
import type { CustomerMetricFacts } from "./load-customer-metric-facts";
import { mrrInputOf } from "./mrr-input";

const DAY_MS = 86_400_000;

/**
 * Facts → figures: one customer's MRR per currency, its primary currency (the one with the most
 * MRR, ties going to the newest subscription's), its MRR 30 days ago there, and its risk. Shared
 * by the customer's metrics (computed on request) and the kept figures
 * (lib/server/financials), so both are always the same arithmetic.
 */
export function customerFiguresOf(facts: CustomerMetricFacts, now: Date) {
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
  const card = facts.customer?.defaultPaymentMethod ?? null;
  const assessed = assessRisk({
    now,
    defaultPaymentMethod: card ? { card } : null,
    failedChargesLast90Days: facts.failedCharges,
    disputedChargesLast90Days: facts.disputedCharges,
    pastDueSubscriptions: facts.subscriptions.filter((row) => row.status === "past_due").length,
    currency: currency ?? "USD",
    mrrNow: mrr,
    mrr30DaysAgo,
    invoices: facts.invoices,
  });
  const monthAgo = now.getTime() - 30 * DAY_MS;
  const risk = {
    ...assessed,
    signals: withEvidence(assessed.signals, {
      paymentMethodId: facts.customer?.defaultPaymentMethod?.id ?? null,
      failedChargeIds: facts.failedChargeIds,
      overdueInvoiceIds: overdueInvoices(facts.invoices, now).map((invoice) => invoice.id),
      disputedChargeIds: facts.disputedChargeIds,
      pastDueSubscriptionIds: facts.subscriptions
        .filter((row) => row.status === "past_due")
        .map((row) => row.id),
      // The subscriptions behind the primary currency's decreases of the last 30 days.
      contractedSubscriptionIds: [
        ...new Set(
          changes
            .filter((row) => row.effectiveAt.getTime() > monthAgo)
            .filter((row) => row.movement === "contraction" || row.movement === "churn")
            .flatMap((row) =>
              row.changes.flatMap((change) => (change.subscription_id ? [change.subscription_id] : [])),
            ),
        ),
      ],
    }),
  };
  return { byCurrency, currency, mrr, mrr30DaysAgo, changes, card, risk };
}

export type CustomerFigures = ReturnType<typeof customerFiguresOf>;

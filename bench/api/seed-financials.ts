import { subscriptionMrr } from "../../lib/metrics";
import { billedCurrencies } from "../../lib/server/financials/billed-currencies";
import { cardLastValidDay, nextReviewAt } from "../../lib/server/financials/next-review-at";
import { customerFiguresOf } from "../../lib/server/metrics/customer-figures";
import { RISK_WINDOW_DAYS } from "../../lib/server/metrics/load-customer-metric-facts";

const DAY = 86_400_000;

export interface SeededCard {
  id: string;
  last4: string;
  expMonth: number;
  expYear: number;
}

export interface SeededSubscription {
  id: string;
  status: string;
  currency: string;
  unitAmount: number;
  quantity: number;
  interval: "month" | "year";
}

export interface SeededCharge {
  id: string;
  at: number;
  status: string;
}

/** What a seeded subscription contributes to MRR: lib/metrics' own rule, as the app stores it. */
export function seededSubscriptionMrr(subscription: SeededSubscription): number {
  return subscriptionMrr({
    ...subscription,
    intervalCount: 1,
    status: subscription.status as Parameters<typeof subscriptionMrr>[0]["status"],
  });
}

/**
 * A seeded customer's kept figures (its customer_financials row and customer_mrr rows), computed
 * by the same functions as lib/server/financials/refresh-customer-financials.ts from the same
 * facts the seed writes (the default card, the subscriptions, the charges of the risk window; the
 * seed writes no MRR history), so the app's start-up back-fill finds nobody to refresh and a
 * review would change nothing.
 */
export function seededFinancials(options: {
  now: number;
  card: SeededCard | null;
  subscriptions: SeededSubscription[];
  charges: SeededCharge[];
}) {
  const now = new Date(options.now);
  const riskStart = options.now - RISK_WINDOW_DAYS * DAY;
  const risky = options.charges.filter((charge) => charge.at >= riskStart && charge.status === "failed");
  const oldest = risky.length > 0 ? Math.min(...risky.map((charge) => charge.at)) : null;
  const subscriptions = options.subscriptions.map((row) => ({
    ...row,
    description: null,
    intervalCount: 1,
    cancelAtPeriodEnd: false,
  }));
  const figures = customerFiguresOf(
    {
      customer: { id: "", status: "active", defaultPaymentMethod: options.card },
      subscriptions,
      failedCharges: risky.length,
      disputedCharges: 0,
      // Newest first, as load-customer-metric-facts.ts reads them (ids are ULIDs: by time).
      failedChargeIds: risky.map((charge) => charge.id).sort((a, b) => (a < b ? 1 : -1)),
      disputedChargeIds: [],
      oldestRiskChargeAt: oldest === null ? null : new Date(oldest),
      mrrChanges: [],
      // The bench seeds no invoices.
      invoices: [],
    },
    now,
  );
  const reviewAt = nextReviewAt({
    now,
    card: figures.card,
    oldestRiskChargeAt: oldest === null ? null : new Date(oldest),
    mrrChanges: figures.changes,
    invoices: [],
  });
  const currencies = billedCurrencies(subscriptions, figures.byCurrency);
  return {
    financials: {
      primaryCurrency: figures.currency,
      riskScore: figures.risk.score,
      riskLevel: figures.risk.level,
      riskSignals: JSON.stringify(figures.risk.signals),
      hasPaymentMethod: figures.card !== null,
      cardExpiresOn: figures.card ? cardLastValidDay(figures.card).toISOString().slice(0, 10) : null,
      reviewAt: reviewAt ? reviewAt.toISOString() : null,
    },
    mrr: currencies.map((currency) => ({ currency, mrr: figures.byCurrency[currency] ?? 0 })),
  };
}

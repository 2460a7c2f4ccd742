import type PgBoss from "pg-boss";

/**
 * The pg-boss job queues (in the `pgboss` schema of the same database) and their retry policies.
 * Outgoing webhooks are not among them: they wait in webhook_deliveries, which limits them per
 * endpoint (lib/webhooks/deliveries/claim-deliveries.ts), something a pg-boss 10 queue cannot do without one
 * endpoint's waiting job blocking the whole queue.
 */
export const QUEUES = {
  stripeEvent: "stripe-event",
  syncStripeCustomer: "sync-stripe-customer",
  purgeExpiredRows: "purge-expired-rows",
  reviewCustomerFinancials: "review-customer-financials",
} as const;

/** Where webhook deliveries were queued before they moved to webhook_deliveries; removed at start. */
export const RETIRED_QUEUES = ["webhook-delivery"] as const;

export interface StripeEventJob {
  stripeEventId: string;
}

export interface SyncStripeCustomerJob {
  customerId: string;
}

/** When the purge of expired rows runs (cron, UTC): every 10 minutes. */
export const PURGE_SCHEDULE = "*/10 * * * *";

/**
 * When the kept figures are reviewed (cron, UTC): every 5 minutes. What time moves (a card nearing
 * expiry, charges leaving 90 days, the 30-day MRR comparison) is counted in days, so a few
 * minutes late is still the same day's figure.
 */
export const REVIEW_FINANCIALS_SCHEDULE = "*/5 * * * *";

export function queuePolicies(): PgBoss.Queue[] {
  return [
    // Stripe events converge on re-fetched truth, so retrying is always safe.
    { name: QUEUES.stripeEvent, retryLimit: 20, retryDelay: 1, retryBackoff: true, expireInSeconds: 90 },
    // A push sends the customer's current identity, so retrying is always safe; back-off from 1 s
    // (doubling, as pg-boss does) spreads 20 retries over days of a Stripe outage. The expiry
    // outlasts a push's own time limit (lib/server/stripe-sync/sync-stripe-customer.ts).
    {
      name: QUEUES.syncStripeCustomer,
      retryLimit: 20,
      retryDelay: 1,
      retryBackoff: true,
      expireInSeconds: 120,
    },
    // Deleting expired rows again is harmless; the next scheduled purge catches up anyway.
    { name: QUEUES.purgeExpiredRows, retryLimit: 2, retryDelay: 60, expireInSeconds: 300 },
    // A review recomputes from the facts, so repeating one is harmless; the back-fill of a large
    // book at start-up may take a while, hence the long expiry.
    { name: QUEUES.reviewCustomerFinancials, retryLimit: 2, retryDelay: 60, expireInSeconds: 3_600 },
  ];
}

import type PgBoss from "pg-boss";

/**
 * The pg-boss job queues (in the `pgboss` schema of the same database) and their retry policies.
 * Outgoing webhooks are not among them: they wait in webhook_deliveries, which limits them per
 * endpoint (lib/webhooks/deliveries/claim-deliveries.ts), something a pg-boss 10 queue cannot do without one
 * endpoint's waiting job blocking the whole queue.
 */
export const QUEUES = {
  stripeEvent: "stripe-event",
  purgeExpiredRows: "purge-expired-rows",
} as const;

/** Where webhook deliveries were queued before they moved to webhook_deliveries; removed at start. */
export const RETIRED_QUEUES = ["webhook-delivery"] as const;

export interface StripeEventJob {
  stripeEventId: string;
}

/** When the purge of expired rows runs (cron, UTC): every 10 minutes. */
export const PURGE_SCHEDULE = "*/10 * * * *";

export function queuePolicies(): PgBoss.Queue[] {
  return [
    // Stripe events converge on re-fetched truth, so retrying is always safe.
    { name: QUEUES.stripeEvent, retryLimit: 20, retryDelay: 1, retryBackoff: true, expireInSeconds: 90 },
    // Deleting expired rows again is harmless; the next scheduled purge catches up anyway.
    { name: QUEUES.purgeExpiredRows, retryLimit: 2, retryDelay: 60, expireInSeconds: 300 },
  ];
}

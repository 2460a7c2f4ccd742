import type PgBoss from "pg-boss";

/** The job queues and their retry policies (pg-boss, in the `pgboss` schema of the same database). */
export const QUEUES = {
  stripeEvent: "stripe-event",
  webhookDelivery: "webhook-delivery",
} as const;

export interface StripeEventJob {
  stripeEventId: string;
}
export interface WebhookDeliveryJob {
  deliveryId: string;
}

const seconds = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

export function queuePolicies(): PgBoss.Queue[] {
  return [
    // Stripe events converge on re-fetched truth, so retrying is always safe.
    { name: QUEUES.stripeEvent, retryLimit: 20, retryDelay: 1, retryBackoff: true, expireInSeconds: 90 },
    // Outgoing webhooks: exponential back-off from WEBHOOK_RETRY_DELAY_SECONDS (default 10 s:
    // 10 s, 20 s, 40 s … about 3 days over 15 retries), each attempt limited to 10 s by the sender.
    {
      name: QUEUES.webhookDelivery,
      retryLimit: seconds("WEBHOOK_MAX_RETRIES", 15),
      retryDelay: seconds("WEBHOOK_RETRY_DELAY_SECONDS", 10),
      retryBackoff: true,
      expireInSeconds: 60,
    },
  ];
}

import type { Subscription } from "../generated/prisma/client";
import type { SubscriptionResponse } from "../validations/billing-responses";

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** The public JSON shape of a subscription, with its MRR in minor units of its currency. */
export function serializeSubscription(row: Subscription): SubscriptionResponse {
  return {
    id: row.id,
    object: "subscription",
    customer_id: row.customerId,
    description: row.description,
    status: row.status,
    amount: row.unitAmount,
    currency: row.currency,
    interval: row.interval as SubscriptionResponse["interval"],
    interval_count: row.intervalCount,
    quantity: row.quantity,
    mrr: row.mrr,
    trial_end: iso(row.trialEnd),
    current_period_start: iso(row.currentPeriodStart),
    current_period_end: iso(row.currentPeriodEnd),
    cancel_at_period_end: row.cancelAtPeriodEnd,
    canceled_at: iso(row.canceledAt),
    ended_at: iso(row.endedAt),
    stripe_subscription_id: row.stripeSubscriptionId,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

export type SubscriptionJson = SubscriptionResponse;

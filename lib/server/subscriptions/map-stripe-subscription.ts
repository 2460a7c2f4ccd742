import type Stripe from "stripe";
import { subscriptionMrr } from "../../metrics";
import type { SubscriptionStatus } from "../../metrics/types";

const fromUnix = (seconds: number | null | undefined) => (seconds ? new Date(seconds * 1000) : null);

/**
 * The columns of our copy of a Stripe subscription. DonutWork makes subscriptions with one item,
 * so the first item carries the price, quantity and period (Stripe keeps periods on items now).
 */
export function mapStripeSubscription(subscription: Stripe.Subscription) {
  const item = subscription.items.data[0];
  if (!item) throw new Error(`Stripe subscription ${subscription.id} has no items`);
  const status = subscription.status as SubscriptionStatus;
  const interval = item.price.recurring?.interval === "year" ? "year" : "month";
  const fields = {
    status,
    description: subscription.description,
    currency: subscription.currency.toUpperCase(),
    unitAmount: item.price.unit_amount ?? 0,
    quantity: item.quantity ?? 1,
    interval,
    intervalCount: item.price.recurring?.interval_count ?? 1,
    trialEnd: fromUnix(subscription.trial_end),
    currentPeriodStart: fromUnix(item.current_period_start),
    currentPeriodEnd: fromUnix(item.current_period_end),
    cancelAtPeriodEnd: subscription.cancel_at_period_end,
    canceledAt: fromUnix(subscription.canceled_at),
    endedAt: fromUnix(subscription.ended_at),
  } as const;
  return {
    ...fields,
    mrr: subscriptionMrr({
      status,
      currency: fields.currency,
      unitAmount: fields.unitAmount,
      quantity: fields.quantity,
      interval,
      intervalCount: fields.intervalCount,
      cancelAtPeriodEnd: fields.cancelAtPeriodEnd,
    }),
  };
}

export type SubscriptionFields = ReturnType<typeof mapStripeSubscription>;

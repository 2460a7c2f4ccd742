import { serializeSubscription } from "../../serializers/subscription";
import { stripe } from "../../stripe/client";
import type { Actor } from "../audit/actor";
import { changeSubscriptionAtStripe } from "./change-subscription-at-stripe";
import { getSubscriptionRowOrThrow } from "./get-subscription-row";

const ENDED = new Set(["canceled", "incomplete_expired"]);

/**
 * Cancels now, or at the end of the paid period (the subscription stays active and keeps
 * counting toward MRR until then). Cancelling an ended subscription answers its current state,
 * so a retried DELETE is harmless.
 */
export async function cancelSubscription({
  id,
  atPeriodEnd,
  actor,
}: {
  id: string;
  atPeriodEnd: boolean;
  actor: Actor;
}) {
  const current = await getSubscriptionRowOrThrow(id);
  if (ENDED.has(current.status)) return serializeSubscription(current);
  return changeSubscriptionAtStripe(current, actor, (stripeId) =>
    atPeriodEnd
      ? stripe().subscriptions.update(stripeId, { cancel_at_period_end: true })
      : stripe().subscriptions.cancel(stripeId),
  );
}

export const isEndedSubscriptionStatus = (status: string) => ENDED.has(status);

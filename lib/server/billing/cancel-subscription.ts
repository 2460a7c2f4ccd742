import { serializeSubscription } from "../../serializers/subscription";
import { stripe } from "../../stripe";
import type { Actor } from "../audit/actor";
import { getSubscriptionRowOrThrow } from "./get-subscription-row";
import { providerError } from "./provider-error";
import { syncSubscription } from "./sync-subscription";

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
  try {
    if (atPeriodEnd) {
      await stripe().subscriptions.update(current.stripeSubscriptionId, { cancel_at_period_end: true });
    } else {
      await stripe().subscriptions.cancel(current.stripeSubscriptionId);
    }
  } catch (error) {
    throw providerError(error);
  }
  const row = await syncSubscription({
    stripeSubscriptionId: current.stripeSubscriptionId,
    actor,
    customerId: current.customerId,
  });
  return serializeSubscription(row ?? current);
}

export const isEndedSubscriptionStatus = (status: string) => ENDED.has(status);

import { serializeSubscription } from "../../serializers/subscription";
import { providerError } from "../../stripe/provider-error";
import type { Actor } from "../audit/actor";
import type { getSubscriptionRowOrThrow } from "./get-subscription-row";
import { syncSubscription } from "./sync-subscription";

type SubscriptionRow = Awaited<ReturnType<typeof getSubscriptionRowOrThrow>>;

/**
 * Makes a change to a subscription at Stripe (a refusal becomes a provider problem), then
 * converges the local row on Stripe's answer at once, so the response already shows the change;
 * the webhooks that follow find nothing left to do.
 */
export async function changeSubscriptionAtStripe(
  current: SubscriptionRow,
  actor: Actor,
  change: (stripeSubscriptionId: string) => Promise<unknown>,
) {
  try {
    await change(current.stripeSubscriptionId);
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

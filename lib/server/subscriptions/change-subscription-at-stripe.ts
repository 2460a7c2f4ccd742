import { serializeSubscription } from "../../serializers/subscription";
import { providerError } from "../../stripe/provider-error";
import type { Actor } from "../audit/actor";
import { underCustomerLock } from "../customers/lock-customer";
import type { getSubscriptionRowOrThrow } from "./get-subscription-row";
import { convergeSubscription } from "./sync-subscription";

type SubscriptionRow = Awaited<ReturnType<typeof getSubscriptionRowOrThrow>>;

/**
 * Makes a change to a subscription at Stripe (a refusal becomes a provider problem), then
 * converges the local row on Stripe's answer at once, both under the customer's lock: the
 * response already shows the change, the audit names `actor`, and the webhooks that follow find
 * nothing left to do.
 */
export async function changeSubscriptionAtStripe(
  current: SubscriptionRow,
  actor: Actor,
  change: (stripeSubscriptionId: string) => Promise<unknown>,
) {
  const { customerId, stripeSubscriptionId } = current;
  const row = await underCustomerLock(customerId, async (tx) => {
    try {
      await change(stripeSubscriptionId);
    } catch (error) {
      throw providerError(error);
    }
    return convergeSubscription(tx, customerId, { stripeSubscriptionId, actor });
  });
  return serializeSubscription(row);
}

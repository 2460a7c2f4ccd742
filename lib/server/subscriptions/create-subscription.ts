import { newId } from "../../ids";
import { serializeSubscription } from "../../serializers/subscription";
import { stripe } from "../../stripe/client";
import { stripeIdempotencyKey } from "../../stripe/idempotency-key";
import { providerError } from "../../stripe/provider-error";
import type { CreateSubscriptionInput } from "../../validations/subscription";
import type { Actor } from "../audit/actor";
import { getBillableCustomer } from "../customers/get-billable-customer";
import { underCustomerLock } from "../customers/lock-customer";
import { assertTaxableAddress, automaticTaxEnabled } from "../tax/automatic-tax";
import { convergeSubscription } from "./sync-subscription";

/**
 * A Stripe Billing subscription on the customer's default card: one product named by the
 * description and one inline price. `allow_incomplete` makes a declined first payment an
 * `incomplete` subscription (Stripe's answer), not an error. Our row is written by the same
 * convergent sync the webhooks use, under the customer's lock from before the first Stripe call:
 * there is one row with our eid, and its audit record names `actor` (the webhooks' syncs wait).
 * With automatic tax on, Stripe Tax adds tax on top (exclusive: the price is what MRR counts),
 * and a customer whose address it cannot tax is refused before anything is created at Stripe.
 */
export async function createSubscription({
  customerId,
  input,
  actor,
  idempotencyKey,
}: {
  customerId: string;
  input: CreateSubscriptionInput;
  actor: Actor;
  idempotencyKey: string | undefined;
}) {
  const billing = await getBillableCustomer(customerId);
  const automaticTax = automaticTaxEnabled();
  assertTaxableAddress(billing, automaticTax);
  const id = newId("subscription");
  const key = stripeIdempotencyKey({
    operation: "subscription",
    customerId,
    callerKey: idempotencyKey,
    fallbackId: id,
  });
  const metadata = { donutwork_customer_id: customerId, donutwork_subscription_id: id };
  try {
    return await underCustomerLock(customerId, async (tx) => {
      const product = await stripe().products.create(
        { name: input.description, metadata },
        { idempotencyKey: `${key}-product` },
      );
      const created = await stripe().subscriptions.create(
        {
          customer: billing.stripeCustomerId,
          default_payment_method: billing.stripePaymentMethodId,
          description: input.description,
          items: [
            {
              price_data: {
                currency: input.currency.toLowerCase(),
                unit_amount: input.amount,
                recurring: { interval: input.interval },
                product: product.id,
                tax_behavior: "exclusive",
              },
              quantity: input.quantity,
            },
          ],
          ...(input.trial_days > 0 ? { trial_period_days: input.trial_days } : {}),
          payment_behavior: "allow_incomplete",
          automatic_tax: { enabled: automaticTax },
          metadata,
        },
        { idempotencyKey: key },
      );
      const row = await convergeSubscription(tx, customerId, { stripeSubscriptionId: created.id, actor });
      return serializeSubscription(row);
    });
  } catch (error) {
    throw providerError(error);
  }
}

import type Stripe from "stripe";
import { stripe } from "../../stripe";
import { syncCheckoutSession } from "./sync-checkout-session";
import { syncCustomerPaymentMethods, syncPaymentMethodOwner } from "./sync-payment-methods";

type Handler = (event: Stripe.Event) => Promise<void>;

const objectId = (event: Stripe.Event) => (event.data.object as { id: string }).id;
const customerOf = (value: string | { id: string } | null | undefined) =>
  typeof value === "string" ? value : (value?.id ?? null);

/**
 * What each Stripe event type means for us. Every handler starts from the object's id and
 * re-fetches; unknown types are acknowledged and ignored (they have no entry here).
 */
export const stripeEventHandlers: Partial<Record<string, Handler>> = {
  "checkout.session.completed": (event) => syncCheckoutSession(objectId(event)),
  "checkout.session.expired": (event) => syncCheckoutSession(objectId(event)),
  "setup_intent.succeeded": async (event) => {
    const intent = await stripe().setupIntents.retrieve(objectId(event));
    const customer = customerOf(intent.customer);
    if (customer) await syncCustomerPaymentMethods(customer);
  },
  "payment_method.attached": (event) => syncPaymentMethodOwner(objectId(event)),
  "payment_method.updated": (event) => syncPaymentMethodOwner(objectId(event)),
  "payment_method.automatically_updated": (event) => syncPaymentMethodOwner(objectId(event)),
  "payment_method.detached": (event) => syncPaymentMethodOwner(objectId(event)),
  "customer.updated": (event) => syncCustomerPaymentMethods(objectId(event)),
};

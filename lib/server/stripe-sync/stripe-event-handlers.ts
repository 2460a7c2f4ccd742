import type Stripe from "stripe";
import { stripe } from "../../stripe/client";
import { syncPaymentIntent } from "../charges/sync-payment-intent";
import { syncStripeCharge } from "../charges/sync-stripe-charge";
import { syncInvoice } from "../invoices/sync-invoice";
import { syncInvoiceSubscription } from "../subscriptions/sync-invoice-subscription";
import { syncSubscription } from "../subscriptions/sync-subscription";
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
  // Billing: subscriptions, their invoices, one-time charges, refunds and disputes.
  "customer.subscription.created": (event) => syncSubscriptionOf(event),
  "customer.subscription.updated": (event) => syncSubscriptionOf(event),
  "customer.subscription.deleted": (event) => syncSubscriptionOf(event),
  "customer.subscription.trial_will_end": (event) => syncSubscriptionOf(event),
  // Every invoice is mirrored (lib/server/invoices); a renewal's outcome also moves its subscription.
  "invoice.created": (event) => syncInvoiceOf(event),
  "invoice.finalized": (event) => syncInvoiceOf(event),
  "invoice.updated": (event) => syncInvoiceOf(event),
  "invoice.voided": (event) => syncInvoiceOf(event),
  "invoice.marked_uncollectible": (event) => syncInvoiceOf(event),
  "invoice.paid": async (event) => {
    await syncInvoiceOf(event);
    await syncInvoiceSubscription(objectId(event));
  },
  "invoice.payment_failed": async (event) => {
    await syncInvoiceOf(event);
    await syncInvoiceSubscription(objectId(event));
  },
  "payment_intent.succeeded": (event) => syncPaymentIntent(objectId(event)),
  "payment_intent.payment_failed": (event) => syncPaymentIntent(objectId(event)),
  "payment_intent.canceled": (event) => syncPaymentIntent(objectId(event)),
  "charge.refunded": (event) => syncStripeCharge(objectId(event)),
  "charge.dispute.created": (event) => syncStripeCharge(chargeOfDispute(event)),
  "charge.dispute.closed": (event) => syncStripeCharge(chargeOfDispute(event)),
};

async function syncInvoiceOf(event: Stripe.Event): Promise<void> {
  await syncInvoice({ stripeInvoiceId: objectId(event), actor: { type: "stripe", id: event.id } });
}

async function syncSubscriptionOf(event: Stripe.Event): Promise<void> {
  await syncSubscription({ stripeSubscriptionId: objectId(event), actor: { type: "stripe", id: event.id } });
}

const chargeOfDispute = (event: Stripe.Event) =>
  customerOf((event.data.object as { charge: string | { id: string } }).charge) ?? "";

import type { EmulatorContext } from "./context";
import { cardError } from "./errors";
import { attachPaymentMethod, saveCardPaymentMethod } from "./payment-methods";
import { failSetupIntent, succeedSetupIntent } from "./setup-intents";
import type { CardExpiry, CardRefusal, TestCard } from "./test-cards";
import type { CheckoutSessionObject, SetupIntentObject } from "./types";

function setupIntentOf(ctx: EmulatorContext, session: CheckoutSessionObject): SetupIntentObject {
  return ctx.store.setupIntents.get(session.setup_intent as string, "setup_intent");
}

/**
 * A card accepted on the hosted page: save it, attach it to the session's customer, settle the
 * SetupIntent and complete the session, recording events in Stripe's order. Returns where the
 * browser goes next.
 */
export function completeSetupCheckout(
  ctx: EmulatorContext,
  session: CheckoutSessionObject,
  card: { card: TestCard; expiry: CardExpiry; billingName: string | null },
): string {
  const paymentMethod = saveCardPaymentMethod(ctx, card.card, card.expiry, card.billingName);
  const customer = session.customer ? ctx.store.customers.find(session.customer as string) : undefined;
  if (customer) attachPaymentMethod(ctx, paymentMethod, customer);
  succeedSetupIntent(ctx, setupIntentOf(ctx, session), paymentMethod);

  session.status = "complete";
  session.url = null;
  session.customer_details = {
    address: null,
    business_name: null,
    email: customer?.email ?? session.customer_email ?? null,
    individual_name: null,
    name: card.billingName ?? customer?.name ?? null,
    phone: null,
    tax_exempt: "none",
    tax_ids: [],
  };
  ctx.events.record("checkout.session.completed", session);
  return session.success_url?.replaceAll("{CHECKOUT_SESSION_ID}", session.id) ?? ctx.publicUrl;
}

/** A declined card: the session stays open and its SetupIntent records why (`setup_intent.setup_failed`). */
export function declineSetupCheckout(
  ctx: EmulatorContext,
  session: CheckoutSessionObject,
  refusal: CardRefusal,
): void {
  failSetupIntent(ctx, setupIntentOf(ctx, session), cardError(refusal).body);
}

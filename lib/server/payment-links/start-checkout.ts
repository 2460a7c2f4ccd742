import { db } from "../../db";
import { env } from "../../env";
import { stripe } from "../../stripe/client";
import { ensureStripeCustomer } from "../stripe-sync/ensure-stripe-customer";

// Stripe accepts a checkout session expiry between 30 minutes and 24 hours ahead.
const MIN_SESSION_MS = 31 * 60_000;
const MAX_SESSION_MS = 24 * 3600_000 - 60_000;

/**
 * Starts the Stripe Checkout Session (setup mode: save a card, charge nothing) for a link this
 * process has just claimed, and stores it on the link. The session expires with the link
 * (within Stripe's bounds). The idempotency key means a retry after a crash gets the same session.
 */
export async function startCheckout(link: { id: string; customerId: string; expiresAt: Date }) {
  const stripeCustomerId = await ensureStripeCustomer(link.customerId);
  const now = Date.now();
  const expiresAt = Math.min(Math.max(link.expiresAt.getTime(), now + MIN_SESSION_MS), now + MAX_SESSION_MS);
  const returnBase = `${env().APP_URL}/pay/return`;
  const session = await stripe().checkout.sessions.create(
    {
      mode: "setup",
      customer: stripeCustomerId,
      allowed_payment_method_types: ["card"],
      success_url: `${returnBase}/success?link=${link.id}`,
      cancel_url: `${returnBase}/cancel?link=${link.id}`,
      expires_at: Math.floor(expiresAt / 1000),
      client_reference_id: link.id,
      metadata: { donutwork_customer_id: link.customerId, donutwork_payment_link_id: link.id },
      setup_intent_data: {
        metadata: { donutwork_customer_id: link.customerId, donutwork_payment_link_id: link.id },
      },
    },
    { idempotencyKey: `donutwork-checkout-${link.id}-${Math.floor(expiresAt / 60_000)}` },
  );
  await db().paymentLink.update({
    where: { id: link.id },
    data: { checkoutSessionId: session.id, checkoutUrl: session.url },
  });
  return session;
}

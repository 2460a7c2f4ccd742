import Stripe from "stripe";
import type { Charge } from "../../generated/prisma/client";
import { stripe } from "../../stripe/client";
import { stripeIdempotencyKey } from "../../stripe/idempotency-key";
import { providerError } from "../../stripe/provider-error";
import type { Actor } from "../audit/actor";
import { invoicePaymentIntent } from "../invoices/invoice-payment-intent";
import { syncInvoice } from "../invoices/sync-invoice";
import { automaticTaxEnabled } from "../tax/automatic-tax";

interface Billing {
  stripeCustomerId: string;
  stripePaymentMethodId: string;
}

/**
 * Bills a charge as Stripe bills a one-time payment with a saved card: a draft one-off invoice
 * (with Stripe Tax when automatic tax is on), its one item, finalization, and an off-session
 * payment with the default card. Each step has its own Stripe idempotency key derived from the
 * caller's key, so a retry after any failure (also a timeout after Stripe had done the step)
 * reaches the same invoice, item and payment instead of new ones. A decline is not an error
 * here: it returns the declined PaymentIntent, which the charge records as failed. The caller
 * settles the charge first and mirrors the paid invoice after, so that the charge is settled by
 * this request (and audited as its actor's) before the invoice's webhooks could settle it.
 */
export async function billChargeInvoice({
  charge,
  billing,
  actor,
  idempotencyKey,
}: {
  charge: Charge;
  billing: Billing;
  actor: Actor;
  idempotencyKey: string;
}): Promise<{ invoiceId: string; intent: Stripe.PaymentIntent }> {
  const key = (step: string) => ({
    idempotencyKey: stripeIdempotencyKey({
      operation: `charge-${step}`,
      customerId: charge.customerId,
      callerKey: idempotencyKey,
      fallbackId: charge.id,
    }),
  });
  const currency = charge.currency.toLowerCase();
  const description = charge.description ?? undefined;
  try {
    const draft = await stripe().invoices.create(
      {
        customer: billing.stripeCustomerId,
        currency,
        collection_method: "charge_automatically",
        auto_advance: false,
        pending_invoice_items_behavior: "exclude",
        automatic_tax: { enabled: automaticTaxEnabled() },
        default_payment_method: billing.stripePaymentMethodId,
        ...(description ? { description } : {}),
        metadata: { donutwork_charge_id: charge.id, donutwork_customer_id: charge.customerId },
      },
      key("invoice"),
    );
    const invoiceId = draft.id as string;
    // Mirrored (and linked to the charge) at once, so the charge names its invoice from the start.
    await syncInvoice({ stripeInvoiceId: invoiceId, actor });
    await stripe().invoiceItems.create(
      {
        customer: billing.stripeCustomerId,
        invoice: invoiceId,
        amount: charge.amount,
        currency,
        // Tax on top of the amount asked, never inside it (MRR and YRR are tax-exclusive too).
        tax_behavior: "exclusive",
        ...(description ? { description } : {}),
        metadata: { donutwork_charge_id: charge.id },
      },
      key("item"),
    );
    await stripe().invoices.finalizeInvoice(invoiceId, {}, key("finalize"));
    // Mirrored again once final: its tax is fixed now, and the charge records it before it is paid.
    await syncInvoice({ stripeInvoiceId: invoiceId, actor });
    await stripe()
      .invoices.pay(
        invoiceId,
        { payment_method: billing.stripePaymentMethodId, off_session: true },
        key("pay"),
      )
      .catch((error: unknown) => {
        // A decline: Stripe answers 402 and the invoice stays open; its PaymentIntent says why.
        if (!(error instanceof Stripe.errors.StripeCardError)) throw error;
      });
    const intent = await invoicePaymentIntent(invoiceId);
    if (!intent) throw new Error(`Stripe invoice ${invoiceId} has no payment after being paid`);
    return { invoiceId, intent };
  } catch (error) {
    throw providerError(error);
  }
}

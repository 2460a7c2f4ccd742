import type Stripe from "stripe";
import { stripe } from "../../stripe/client";

/**
 * The PaymentIntent that paid, or last tried to pay, a Stripe invoice. Current API versions no
 * longer put it on the invoice; its invoice payments name it (the default one is the live one).
 */
export async function invoicePaymentIntent(stripeInvoiceId: string): Promise<Stripe.PaymentIntent | null> {
  const payments = await stripe().invoicePayments.list({ invoice: stripeInvoiceId, limit: 10 });
  const payment = payments.data.find((candidate) => candidate.is_default) ?? payments.data[0];
  const ref = payment?.payment.payment_intent;
  if (!ref) return null;
  return typeof ref === "string" ? stripe().paymentIntents.retrieve(ref) : ref;
}

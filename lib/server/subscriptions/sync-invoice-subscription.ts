import { stripe } from "../../stripe/client";
import { syncSubscription } from "./sync-subscription";

/**
 * `invoice.paid` / `invoice.payment_failed`: a renewal's outcome moves its subscription between
 * active and past_due, so re-fetch the invoice and converge the subscription it bills.
 */
export async function syncInvoiceSubscription(invoiceId: string): Promise<void> {
  const invoice = await stripe().invoices.retrieve(invoiceId);
  const ref = invoice.parent?.subscription_details?.subscription;
  const subscriptionId = typeof ref === "string" ? ref : ref?.id;
  if (!subscriptionId) return;
  await syncSubscription({ stripeSubscriptionId: subscriptionId, actor: { type: "stripe", id: invoiceId } });
}

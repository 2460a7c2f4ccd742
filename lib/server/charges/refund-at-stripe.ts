import type Stripe from "stripe";
import type { Tx } from "../../db";
import type { Charge } from "../../generated/prisma/client";
import { stripe } from "../../stripe/client";

/**
 * Refunds `amount` (of what the card paid, tax included) of a charge at Stripe, with one
 * Idempotency-Key. A charge billed on an invoice is refunded through a credit note on that
 * invoice: the document that reverses its tax (Stripe splits the credit between net and tax in
 * the invoice's proportion, and the last credit takes what is left of the tax) and makes the
 * refund, which is returned. Older charges, without an invoice, refund their PaymentIntent.
 */
export async function refundAtStripe(
  tx: Tx,
  { charge, amount, idempotencyKey }: { charge: Charge; amount: number; idempotencyKey: string },
): Promise<Stripe.Refund> {
  const metadata = { donutwork_charge_id: charge.id };
  if (!charge.invoiceId) {
    return stripe().refunds.create(
      { payment_intent: charge.stripePaymentIntentId as string, amount, metadata },
      { idempotencyKey },
    );
  }
  const invoice = await tx.invoice.findUniqueOrThrow({
    where: { id: charge.invoiceId },
    select: { stripeInvoiceId: true },
  });
  const note = await stripe().creditNotes.create(
    { invoice: invoice.stripeInvoiceId, amount, refund_amount: amount, metadata },
    { idempotencyKey },
  );
  const refund = note.refunds[0]?.refund;
  if (!refund) throw new Error(`Stripe credit note ${note.id} made no refund`);
  return typeof refund === "string" ? stripe().refunds.retrieve(refund) : refund;
}

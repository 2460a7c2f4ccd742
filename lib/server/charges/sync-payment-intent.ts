import { db } from "../../db";
import { stripe } from "../../stripe/client";
import { settleCharge } from "./settle-charge";

/**
 * `payment_intent.*` webhooks: re-fetch the intent and settle the charge it belongs to, found by
 * its id or, when our own call never got an answer, by the charge id we put in its metadata.
 * Intents that are not our charges (e.g. subscription invoices) are ignored.
 */
export async function syncPaymentIntent(paymentIntentId: string): Promise<void> {
  const intent = await stripe().paymentIntents.retrieve(paymentIntentId);
  const byMetadata = intent.metadata?.donutwork_charge_id;
  const charge = await db().charge.findFirst({
    where: { OR: [{ stripePaymentIntentId: intent.id }, ...(byMetadata ? [{ id: byMetadata }] : [])] },
    select: { id: true },
  });
  if (!charge) return;
  await settleCharge({ chargeId: charge.id, intent, actor: { type: "stripe", id: intent.id } });
}

import { db } from "../../db";
import { serializeCharge } from "../../serializers/charge";
import { stripe } from "../../stripe/client";
import type { Actor } from "../audit/actor";
import { recordChange } from "../audit/record-change";
import { refreshCustomerFinancials } from "../financials/refresh-customer-financials";
import { applyRefund } from "./apply-refund";
import { lockCharge } from "./lock-charge";

/**
 * `charge.refunded` and `charge.dispute.*` webhooks: re-fetch Stripe's charge with its refunds
 * and bring ours level: every refund recorded once (also those made in Stripe's dashboard), and
 * the disputed flag. Charges that are not ours (subscription invoices) are ignored.
 */
export async function syncStripeCharge(stripeChargeId: string): Promise<void> {
  const truth = await stripe().charges.retrieve(stripeChargeId, { expand: ["refunds"] });
  const intentId = typeof truth.payment_intent === "string" ? truth.payment_intent : truth.payment_intent?.id;
  if (!intentId) return;
  const ours = await db().charge.findUnique({
    where: { stripePaymentIntentId: intentId },
    select: { id: true },
  });
  if (!ours) return;
  const actor: Actor = { type: "stripe", id: stripeChargeId };
  const refunds =
    truth.refunds?.data ?? (await stripe().refunds.list({ charge: stripeChargeId, limit: 100 })).data;
  await db().$transaction(async (tx) => {
    let charge = await lockCharge(tx, ours.id);
    for (const refund of [...refunds].sort((a, b) => a.created - b.created)) {
      charge = await applyRefund(tx, { charge, refund, actor });
    }
    if (truth.disputed && !charge.disputed) {
      const row = await tx.charge.update({ where: { id: charge.id }, data: { disputed: true } });
      // Audited, not announced: there is no `charge.disputed` event type for integrators (yet).
      await recordChange(tx, {
        actor,
        action: "charge.disputed",
        entityType: "charge",
        entityId: charge.id,
        customerId: charge.customerId,
        before: serializeCharge(charge),
        after: serializeCharge(row),
        emitEvent: false,
      });
    }
    // A dispute moves the customer's risk; refunds do not, but keep the figures current anyway.
    await refreshCustomerFinancials(tx, charge.customerId);
  });
}

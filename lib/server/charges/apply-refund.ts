import type Stripe from "stripe";
import type { Tx } from "../../db";
import type { Charge } from "../../generated/prisma/client";
import { newId } from "../../ids";
import { serializeCharge } from "../../serializers/charge";
import type { Actor } from "../audit/actor";
import { recordChange } from "../audit/record-change";

/**
 * Records one Stripe refund of a locked charge, once (unique Stripe refund id): the refunded
 * total grows and `charge.refunded` is announced. Both the API call and the `charge.refunded`
 * webhook come through here, whichever is first.
 */
export async function applyRefund(
  tx: Tx,
  { charge, refund, actor }: { charge: Charge; refund: Stripe.Refund; actor: Actor },
): Promise<Charge> {
  if (refund.status === "failed" || refund.status === "canceled") return charge;
  const { count } = await tx.refund.createMany({
    data: [{ id: newId("refund"), chargeId: charge.id, amount: refund.amount, stripeRefundId: refund.id }],
    skipDuplicates: true,
  });
  if (count === 0) return charge;
  const row = await tx.charge.update({
    where: { id: charge.id },
    data: { amountRefunded: { increment: refund.amount } },
    include: { refunds: true },
  });
  await recordChange(tx, {
    actor,
    action: "charge.refunded",
    entityType: "charge",
    entityId: charge.id,
    customerId: charge.customerId,
    before: serializeCharge(charge),
    after: serializeCharge(row),
  });
  return row;
}

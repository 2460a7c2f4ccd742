import { db } from "../../db";
import { AppError, notFound } from "../../errors/app-error";
import { isId, newId } from "../../ids";
import { serializeCharge } from "../../serializers/charge";
import { stripeIdempotencyKey } from "../../stripe/idempotency-key";
import { providerError } from "../../stripe/provider-error";
import type { RefundChargeInput } from "../../validations/charge";
import type { Actor } from "../audit/actor";
import { refreshCustomerFinancials } from "../financials/refresh-customer-financials";
import { applyRefund } from "./apply-refund";
import { lockCharge } from "./lock-charge";
import { refundAtStripe } from "./refund-at-stripe";

/**
 * Refunds all that is left of a succeeded charge, or part of it; never more than remains of what
 * the card paid (`amount` + its invoice's `tax`, the total Stripe refunds from). The
 * charge's row lock is held across the Stripe call, so two concurrent refunds cannot both pass
 * the "what remains" check. With an Idempotency-Key the Stripe refund is keyed by it, so a
 * retry never refunds twice.
 */
export async function refundCharge({
  id,
  input,
  actor,
  idempotencyKey,
}: {
  id: string;
  input: RefundChargeInput;
  actor: Actor;
  idempotencyKey: string | undefined;
}) {
  if (!isId("charge", id)) throw notFound("charge", id);
  const row = await db().$transaction(
    async (tx) => {
      const charge = await lockCharge(tx, id);
      if (charge.status !== "succeeded" || !charge.stripePaymentIntentId) {
        throw new AppError(
          "conflict",
          `Charge ${id} is ${charge.status}; only succeeded charges can be refunded.`,
        );
      }
      const total = charge.amount + charge.tax;
      const remaining = total - charge.amountRefunded;
      if (remaining <= 0) throw new AppError("conflict", `Charge ${id} is already fully refunded.`);
      const amount = input.amount ?? remaining;
      if (amount > remaining) {
        throw new AppError(
          "validation_failed",
          `Only ${remaining} of the ${total} paid for charge ${id} is left to refund.`,
          {
            errors: [
              { field: "amount", message: `must be at most ${remaining}, what is left of the ${total} paid` },
            ],
          },
        );
      }
      const refund = await refundAtStripe(tx, {
        charge,
        amount,
        idempotencyKey: stripeIdempotencyKey({
          operation: `refund-${id}`,
          customerId: charge.customerId,
          callerKey: idempotencyKey,
          fallbackId: newId("refund"),
        }),
      }).catch((error: unknown) => {
        throw providerError(error);
      });
      const refunded = await applyRefund(tx, { charge, refund, actor });
      // No figure counts refunds today; refreshed so that one that does later cannot be missed.
      await refreshCustomerFinancials(tx, charge.customerId);
      return refunded;
    },
    { timeout: 30_000, maxWait: 30_000 },
  );
  return serializeCharge(row);
}

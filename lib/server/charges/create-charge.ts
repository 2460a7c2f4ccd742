import Stripe from "stripe";
import { db } from "../../db";
import { AppError } from "../../errors/app-error";
import { newId } from "../../ids";
import { serializeCharge } from "../../serializers/charge";
import { stripe } from "../../stripe/client";
import { stripeIdempotencyKey } from "../../stripe/idempotency-key";
import { providerError } from "../../stripe/provider-error";
import type { CreateChargeInput } from "../../validations/charge";
import type { Actor } from "../audit/actor";
import { getBillableCustomer } from "../customers/get-billable-customer";
import { settleCharge } from "./settle-charge";

/**
 * One off-session charge of the default card. The caller's Idempotency-Key makes at most one
 * charge row (unique per customer) and is passed on to Stripe (derived with the customer), so a
 * retry after any failure, even a timeout after Stripe had charged, reaches the same
 * PaymentIntent instead of a new one. A decline is a `failed` charge with Stripe's reason.
 */
export async function createCharge({
  customerId,
  input,
  actor,
  idempotencyKey,
}: {
  customerId: string;
  input: CreateChargeInput;
  actor: Actor;
  idempotencyKey: string;
}) {
  const billing = await getBillableCustomer(customerId);
  const charge = await claimCharge({ customerId, input, idempotencyKey });
  if (charge.status !== "pending") return serializeCharge(charge);
  let intent: Stripe.PaymentIntent;
  try {
    intent = await stripe().paymentIntents.create(
      {
        amount: input.amount,
        currency: input.currency.toLowerCase(),
        customer: billing.stripeCustomerId,
        payment_method: billing.stripePaymentMethodId,
        off_session: true,
        confirm: true,
        ...(input.description ? { description: input.description } : {}),
        metadata: { donutwork_charge_id: charge.id, donutwork_customer_id: customerId },
      },
      {
        idempotencyKey: stripeIdempotencyKey({
          operation: "charge",
          customerId,
          callerKey: idempotencyKey,
          fallbackId: charge.id,
        }),
      },
    );
  } catch (error) {
    // A decline: Stripe answers 402 with the failed PaymentIntent, which is what we record.
    if (!(error instanceof Stripe.errors.StripeCardError) || !error.payment_intent)
      throw providerError(error);
    intent = error.payment_intent;
  }
  return serializeCharge(await settleCharge({ chargeId: charge.id, intent, actor }));
}

/** The charge row of this key: made now, or the one an earlier attempt made (then it must match). */
async function claimCharge({
  customerId,
  input,
  idempotencyKey,
}: {
  customerId: string;
  input: CreateChargeInput;
  idempotencyKey: string;
}) {
  await db().charge.createMany({
    data: [
      {
        id: newId("charge"),
        customerId,
        amount: input.amount,
        currency: input.currency,
        description: input.description ?? null,
        idempotencyKey,
      },
    ],
    skipDuplicates: true,
  });
  const row = await db().charge.findUniqueOrThrow({
    where: { customerId_idempotencyKey: { customerId, idempotencyKey } },
    include: { refunds: true },
  });
  if (
    row.amount !== input.amount ||
    row.currency !== input.currency ||
    row.description !== (input.description ?? null)
  ) {
    throw new AppError(
      "idempotency_key_reused",
      "This Idempotency-Key already made a different charge for this customer; use a new key.",
    );
  }
  return row;
}

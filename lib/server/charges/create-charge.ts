import { db } from "../../db";
import { AppError } from "../../errors/app-error";
import { newId } from "../../ids";
import { serializeCharge } from "../../serializers/charge";
import type { CreateChargeInput } from "../../validations/charge";
import type { Actor } from "../audit/actor";
import { getBillableCustomer } from "../customers/get-billable-customer";
import { syncInvoice } from "../invoices/sync-invoice";
import { assertTaxableAddress } from "../tax/automatic-tax";
import { billChargeInvoice } from "./bill-charge-invoice";
import { settleCharge } from "./settle-charge";

/**
 * One off-session charge of the default card, billed on a one-off Stripe invoice (so that every
 * payment has a document, with tax when automatic tax is on). A customer whose address Stripe
 * Tax cannot locate is refused (409 naming `address`) before anything is written or charged.
 * The caller's Idempotency-Key makes at most one charge row (unique per customer) and is passed
 * on to Stripe (derived with the customer, one key per step), so a retry after any failure, even
 * a timeout after Stripe had charged, reaches the same invoice and PaymentIntent instead of new
 * ones. A decline is a `failed` charge with Stripe's reason.
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
  assertTaxableAddress(billing);
  const charge = await claimCharge({ customerId, input, idempotencyKey });
  if (charge.status !== "pending") return serializeCharge(charge);
  const { invoiceId, intent } = await billChargeInvoice({ charge, billing, actor, idempotencyKey });
  const settled = await settleCharge({ chargeId: charge.id, intent, actor });
  // The invoice as paid (or declined) now; its webhooks converge on the same state, once.
  await syncInvoice({ stripeInvoiceId: invoiceId, actor });
  return serializeCharge(settled);
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

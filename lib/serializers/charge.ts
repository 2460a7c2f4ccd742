import type { Charge, Refund } from "../generated/prisma/client";
import type { ChargeResponse } from "../validations/billing-responses";
import { serializeRefund } from "./refund";

/** The public JSON shape of a charge; a decline is a `failed` charge (with Stripe's reason), not an error. */
export function serializeCharge(row: Charge & { refunds?: Refund[] }): ChargeResponse {
  return {
    id: row.id,
    object: "charge",
    customer_id: row.customerId,
    status: row.status as "pending" | "succeeded" | "failed",
    amount: row.amount,
    currency: row.currency,
    description: row.description,
    failure_code: row.failureCode,
    failure_message: row.failureMessage,
    tax: row.tax,
    total: row.amount + row.tax,
    amount_refunded: row.amountRefunded,
    refunded: row.amountRefunded > 0 && row.amountRefunded === row.amount + row.tax,
    disputed: row.disputed,
    refunds: (row.refunds ?? []).map(serializeRefund),
    invoice_id: row.invoiceId,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

export type ChargeJson = ChargeResponse;

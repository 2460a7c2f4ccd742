import type { Refund } from "../generated/prisma/client";
import type { RefundResponse } from "../validations/billing-responses";

export function serializeRefund(row: Refund): RefundResponse {
  return {
    id: row.id,
    object: "refund",
    charge_id: row.chargeId,
    amount: row.amount,
    created_at: row.createdAt.toISOString(),
  };
}

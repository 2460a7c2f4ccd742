import type { Refund } from "../generated/prisma/client";

export function serializeRefund(row: Refund) {
  return {
    id: row.id,
    object: "refund" as const,
    charge_id: row.chargeId,
    amount: row.amount,
    created_at: row.createdAt.toISOString(),
  };
}

import type { PaymentMethod } from "../generated/prisma/client";
import type { PaymentMethodResponse } from "../validations/activity-responses";

export function serializePaymentMethod(
  row: Pick<PaymentMethod, "id" | "brand" | "last4" | "expMonth" | "expYear" | "detachedAt" | "createdAt">,
  defaultId?: string | null,
): PaymentMethodResponse {
  return {
    id: row.id,
    object: "payment_method",
    type: "card",
    brand: row.brand,
    last4: row.last4,
    exp_month: row.expMonth,
    exp_year: row.expYear,
    ...(defaultId !== undefined ? { is_default: row.id === defaultId } : {}),
    detached: row.detachedAt !== null,
    created_at: row.createdAt.toISOString(),
  };
}

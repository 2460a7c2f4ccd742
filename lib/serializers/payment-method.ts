import type { PaymentMethod } from "../generated/prisma/client";

export function serializePaymentMethod(
  row: Pick<PaymentMethod, "id" | "brand" | "last4" | "expMonth" | "expYear" | "detachedAt" | "createdAt">,
  defaultId?: string | null,
) {
  return {
    id: row.id,
    object: "payment_method" as const,
    type: "card" as const,
    brand: row.brand,
    last4: row.last4,
    exp_month: row.expMonth,
    exp_year: row.expYear,
    ...(defaultId !== undefined ? { is_default: row.id === defaultId } : {}),
    detached: row.detachedAt !== null,
    created_at: row.createdAt.toISOString(),
  };
}

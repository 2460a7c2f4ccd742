import { db } from "../../db";
import { serializePaymentMethod } from "../../serializers/payment-method";
import { getCustomerRowOrThrow } from "../customers/get-customer";

/** The customer's saved cards, newest first, with the default flagged; detached ones only on request. */
export async function listPaymentMethods({
  customerId,
  includeDetached,
}: {
  customerId: string;
  includeDetached: boolean;
}) {
  const customer = await getCustomerRowOrThrow(customerId);
  const rows = await db().paymentMethod.findMany({
    where: { customerId, ...(includeDetached ? {} : { detachedAt: null }) },
    orderBy: { id: "desc" },
    take: 100,
  });
  const defaultId = customer.defaultPaymentMethod?.id ?? null;
  return {
    object: "list" as const,
    data: rows.map((row) => serializePaymentMethod(row, defaultId)),
    has_more: false,
    next_cursor: null,
  };
}

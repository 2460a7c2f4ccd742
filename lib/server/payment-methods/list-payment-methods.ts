import { db } from "../../db";
import { serializePaymentMethod } from "../../serializers/payment-method";
import { getCustomerRowOrThrow } from "../customers/get-customer";

/** A customer's saved cards, newest first, each marked whether it is the default. */
export async function listPaymentMethods(customerId: string) {
  const customer = await getCustomerRowOrThrow(customerId);
  const rows = await db().paymentMethod.findMany({
    where: { customerId },
    orderBy: { id: "desc" },
    select: {
      id: true,
      brand: true,
      last4: true,
      expMonth: true,
      expYear: true,
      detachedAt: true,
      createdAt: true,
    },
  });
  const defaultId = customer.defaultPaymentMethod?.id ?? null;
  return {
    object: "list" as const,
    data: rows.map((row) => serializePaymentMethod(row, defaultId)),
    has_more: false,
    next_cursor: null,
  };
}

import { db } from "../../db";
import { page, windowOf } from "../../pagination/cursor";
import { serializePaymentMethod } from "../../serializers/payment-method";
import type { ListPaymentMethodsQuery } from "../../validations/payment-method";
import { getCustomerRowOrThrow } from "../customers/get-customer";

/** The customer's saved cards, newest first, by cursor, with the default flagged; detached ones only on request. */
export async function listPaymentMethods({
  customerId,
  query,
}: {
  customerId: string;
  query: ListPaymentMethodsQuery;
}) {
  const customer = await getCustomerRowOrThrow(customerId);
  const { beforeId, take } = windowOf(query, "paymentMethod");
  const rows = await db().paymentMethod.findMany({
    where: {
      customerId,
      ...(query.include_detached === "true" ? {} : { detachedAt: null }),
      ...(beforeId ? { id: { lt: beforeId } } : {}),
    },
    orderBy: { id: "desc" },
    take,
  });
  const defaultId = customer.defaultPaymentMethod?.id ?? null;
  return page(rows, query.limit, (row) => serializePaymentMethod(row, defaultId));
}

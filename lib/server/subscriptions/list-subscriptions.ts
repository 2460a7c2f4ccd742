import { db } from "../../db";
import { decodeCursor, page } from "../../pagination/cursor";
import { serializeSubscription } from "../../serializers/subscription";
import type { PaginationQuery } from "../../validations/pagination";
import { getCustomerRowOrThrow } from "../customers/get-customer";

/** The customer's subscriptions, newest first (every status, ended ones too), by cursor. */
export async function listSubscriptions({
  customerId,
  query,
}: {
  customerId: string;
  query: PaginationQuery;
}) {
  await getCustomerRowOrThrow(customerId);
  const cursorId = decodeCursor(query.cursor, "subscription");
  const rows = await db().subscription.findMany({
    where: { customerId, ...(cursorId ? { id: { lt: cursorId } } : {}) },
    orderBy: { id: "desc" },
    take: query.limit + 1,
  });
  return page(rows, query.limit, serializeSubscription);
}

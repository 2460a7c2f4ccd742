import { decodeCursor, page } from "../../api/cursor";
import { db } from "../../db";
import { serializeSubscription } from "../../serializers/subscription";
import type { PaginationQuery } from "../../validations/pagination";
import { getCustomerRowOrThrow } from "../customers/get-customer";

const SUBSCRIPTION_ID = /^sub_[0-9A-HJKMNP-TV-Z]{26}$/;

/** The customer's subscriptions, newest first (every status, ended ones too), by cursor. */
export async function listSubscriptions({
  customerId,
  query,
}: {
  customerId: string;
  query: PaginationQuery;
}) {
  await getCustomerRowOrThrow(customerId);
  const cursorId = decodeCursor(query.cursor, SUBSCRIPTION_ID);
  const rows = await db().subscription.findMany({
    where: { customerId, ...(cursorId ? { id: { lt: cursorId } } : {}) },
    orderBy: { id: "desc" },
    take: query.limit + 1,
  });
  return page(rows, query.limit, serializeSubscription);
}

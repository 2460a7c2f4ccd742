import { db } from "../../db";
import { page, windowOf } from "../../pagination/cursor";
import { serializePaymentLinkSummary } from "../../serializers/payment-link-summary";
import type { PaginationQuery } from "../../validations/pagination";
import { getCustomerRowOrThrow } from "../customers/get-customer";

/** The customer's payment links, newest first, by cursor. The URL is not stored (only its token's hash), so it is not listed. */
export async function listPaymentLinks({
  customerId,
  query,
}: {
  customerId: string;
  query: PaginationQuery;
}) {
  await getCustomerRowOrThrow(customerId);
  const { beforeId, take } = windowOf(query, "paymentLink");
  const now = new Date();
  const fetched = await db().paymentLink.findMany({
    where: { customerId, ...(beforeId ? { id: { lt: beforeId } } : {}) },
    orderBy: { id: "desc" },
    take,
    select: {
      id: true,
      expiresAt: true,
      revokedAt: true,
      claimedAt: true,
      completedAt: true,
      createdAt: true,
    },
  });
  return page(fetched, query.limit, (row) => serializePaymentLinkSummary(row, now));
}

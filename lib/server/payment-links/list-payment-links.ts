import { db } from "../../db";
import { firstOf } from "../../pagination/cursor";
import { getCustomerRowOrThrow } from "../customers/get-customer";

const PAYMENT_LINK_LIMIT = 20;

type LinkState = {
  expiresAt: Date;
  revokedAt: Date | null;
  claimedAt: Date | null;
  completedAt: Date | null;
};

/** Where a link stands, in the order that wins: a completed link stays completed even once expired. */
function linkStatus(link: LinkState, now: Date) {
  if (link.completedAt) return "completed";
  if (link.revokedAt) return "revoked";
  if (link.expiresAt <= now) return "expired";
  if (link.claimedAt) return "opened";
  return "open";
}

/** The customer's newest payment links. The URL is not stored (only its token's hash), so it is not listed. */
export async function listPaymentLinks(customerId: string) {
  await getCustomerRowOrThrow(customerId);
  const now = new Date();
  const fetched = await db().paymentLink.findMany({
    where: { customerId },
    orderBy: { createdAt: "desc" },
    take: PAYMENT_LINK_LIMIT + 1,
    select: {
      id: true,
      expiresAt: true,
      revokedAt: true,
      claimedAt: true,
      completedAt: true,
      createdAt: true,
    },
  });
  const { rows, hasMore } = firstOf(fetched, PAYMENT_LINK_LIMIT);
  return {
    object: "list" as const,
    data: rows.map((row) => ({
      id: row.id,
      object: "payment_link" as const,
      status: linkStatus(row, now),
      expires_at: row.expiresAt.toISOString(),
      completed_at: row.completedAt?.toISOString() ?? null,
      created_at: row.createdAt.toISOString(),
    })),
    has_more: hasMore,
    next_cursor: null,
  };
}

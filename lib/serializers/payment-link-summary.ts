import type { PaymentLink } from "../generated/prisma/client";
import type { PaymentLinkSummaryResponse } from "../validations/activity-responses";

export type PaymentLinkSummaryRow = Pick<
  PaymentLink,
  "id" | "expiresAt" | "revokedAt" | "claimedAt" | "completedAt" | "createdAt"
>;

/** Where a link stands, in the order that wins: a completed link stays completed even once expired. */
function linkStatus(link: PaymentLinkSummaryRow, now: Date): PaymentLinkSummaryResponse["status"] {
  if (link.completedAt) return "completed";
  if (link.revokedAt) return "revoked";
  if (link.expiresAt <= now) return "expired";
  if (link.claimedAt) return "opened";
  return "open";
}

/** A payment link as lists show it: without its URL, since only the token's hash is stored. */
export function serializePaymentLinkSummary(
  row: PaymentLinkSummaryRow,
  now: Date,
): PaymentLinkSummaryResponse {
  return {
    id: row.id,
    object: "payment_link",
    status: linkStatus(row, now),
    expires_at: row.expiresAt.toISOString(),
    completed_at: row.completedAt?.toISOString() ?? null,
    created_at: row.createdAt.toISOString(),
  };
}

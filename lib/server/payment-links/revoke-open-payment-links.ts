import type { Tx } from "../../db";

/** Revokes every link of the customer that has not completed a checkout yet. */
export async function revokeOpenPaymentLinks(tx: Tx, { customerId, now }: { customerId: string; now: Date }) {
  const open = await tx.paymentLink.findMany({
    where: { customerId, revokedAt: null, completedAt: null, expiresAt: { gt: now } },
    select: { id: true, checkoutSessionId: true },
  });
  if (open.length === 0) return open;
  await tx.paymentLink.updateMany({
    where: { id: { in: open.map((link) => link.id) } },
    data: { revokedAt: now },
  });
  return open;
}

import { db } from "../../db";
import { isId } from "../../ids";

/**
 * What the return pages may tell the customer about a link. Read-only: the card counts as
 * saved only once Stripe's signed webhook says so, never because the browser came back.
 */
export async function getReturnState(linkId: string | undefined) {
  if (!linkId || !isId("paymentLink", linkId)) return null;
  const link = await db().paymentLink.findUnique({
    where: { id: linkId },
    select: { completedAt: true, returnUrl: true },
  });
  if (!link) return null;
  return { cardConfirmed: link.completedAt !== null, returnUrl: link.returnUrl };
}

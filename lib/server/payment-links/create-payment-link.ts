import { db } from "../../db";
import { env } from "../../env";
import { AppError } from "../../errors/app-error";
import { newId } from "../../ids";
import { hashToken, randomToken } from "../../secret-tokens";
import type { Actor } from "../audit/actor";
import { recordChange } from "../audit/record-change";
import { lockCustomer } from "../customers/lock-customer";
import { expireCheckoutSessions } from "./expire-checkout-sessions";
import { revokeOpenPaymentLinks } from "./revoke-open-payment-links";

/**
 * A new one-time URL for the customer to save a card. The token (256 random bits) is only in
 * the URL; we keep its hash. Earlier unused links of the customer are revoked, so only the
 * newest link works.
 */
export async function createPaymentLink({
  customerId,
  returnUrl = null,
  actor,
}: {
  customerId: string;
  returnUrl?: string | null;
  actor: Actor;
}) {
  const token = randomToken(32);
  const now = new Date();
  const expiresAt = new Date(now.getTime() + env().PAYMENT_LINK_TTL_HOURS * 3600_000);
  const { link, revoked } = await db().$transaction(async (tx) => {
    const customer = await lockCustomer(tx, customerId);
    if (customer.status !== "active") {
      throw new AppError(
        "conflict",
        `Customer ${customerId} is ${customer.status}; only active customers get payment links.`,
      );
    }
    const revoked = await revokeOpenPaymentLinks(tx, { customerId, now });
    const link = await tx.paymentLink.create({
      data: { id: newId("paymentLink"), customerId, tokenHash: hashToken(token), expiresAt, returnUrl },
      select: { id: true, expiresAt: true, createdAt: true },
    });
    await recordChange(tx, {
      actor,
      action: "payment_link.created",
      entityType: "payment_link",
      entityId: link.id,
      customerId,
      before: null,
      after: {
        id: link.id,
        expires_at: expiresAt.toISOString(),
        revoked_links: revoked.map((old) => old.id),
      },
      emitEvent: false,
    });
    return { link, revoked };
  });
  await expireCheckoutSessions(revoked.map((old) => old.checkoutSessionId));
  return {
    id: link.id,
    object: "payment_link" as const,
    url: `${env().APP_URL}/pay/${token}`,
    expires_at: expiresAt.toISOString(),
    created_at: link.createdAt.toISOString(),
  };
}

import { setTimeout as sleep } from "node:timers/promises";
import { db } from "../../db";
import { hashToken } from "../../secret-tokens";
import { stripe } from "../../stripe/client";
import { startCheckout } from "./start-checkout";

export type GoneReason = "unknown" | "revoked" | "used" | "expired" | "customer_inactive";
export type OpenOutcome = { kind: "redirect"; url: string } | { kind: "gone"; reason: GoneReason };

// A claim older than this without a session means its process died mid-way; another open may retry.
const ABANDONED_CLAIM_MS = 30_000;
const WAIT_FOR_CLAIMER_MS = 15_000;

/**
 * What opening a payment link does. A live link starts exactly one Stripe Checkout Session:
 * the first open claims the link with a conditional update, concurrent opens wait for that
 * session, and later opens (a reload) go to the same session while it is still open.
 */
export async function openPaymentLink(token: string): Promise<OpenOutcome> {
  const deadline = Date.now() + WAIT_FOR_CLAIMER_MS;
  for (;;) {
    const link = await db().paymentLink.findUnique({
      where: { tokenHash: hashToken(token) },
      select: {
        id: true,
        customerId: true,
        expiresAt: true,
        revokedAt: true,
        completedAt: true,
        claimedAt: true,
        checkoutSessionId: true,
        checkoutUrl: true,
        customer: { select: { status: true } },
      },
    });
    if (!link) return gone("unknown");
    if (link.completedAt) return gone("used");
    if (link.revokedAt) return gone("revoked");
    if (link.expiresAt.getTime() <= Date.now()) return gone("expired");
    if (link.customer.status !== "active") return gone("customer_inactive");

    if (link.checkoutSessionId) return resumeSession(link.checkoutSessionId);

    const abandoned = link.claimedAt !== null && Date.now() - link.claimedAt.getTime() > ABANDONED_CLAIM_MS;
    if (link.claimedAt === null || abandoned) {
      const { count } = await db().paymentLink.updateMany({
        where: { id: link.id, claimedAt: link.claimedAt, checkoutSessionId: null },
        data: { claimedAt: new Date() },
      });
      if (count === 1) {
        try {
          const session = await startCheckout(link);
          return { kind: "redirect", url: session.url ?? "" };
        } catch (error) {
          // Let the next open try again rather than leaving the link stuck.
          await db().paymentLink.updateMany({
            where: { id: link.id, checkoutSessionId: null },
            data: { claimedAt: null },
          });
          throw error;
        }
      }
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for the checkout session of ${link.id}`);
    await sleep(100);
  }
}

async function resumeSession(sessionId: string): Promise<OpenOutcome> {
  const session = await stripe().checkout.sessions.retrieve(sessionId);
  if (session.status === "open" && session.url) return { kind: "redirect", url: session.url };
  return gone(session.status === "complete" ? "used" : "expired");
}

function gone(reason: GoneReason): OpenOutcome {
  return { kind: "gone", reason };
}

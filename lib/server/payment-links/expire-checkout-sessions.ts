import { stripe } from "../../stripe/client";

/**
 * Expires the Stripe Checkout Sessions of revoked links, so a revoked link's open checkout page
 * stops accepting cards. Runs after the revoking transaction committed; a session that already
 * completed or expired is left as it is. Best effort: a session we fail to expire still expires
 * at Stripe with the link (its expires_at), and a card saved through it lands on the customer.
 */
export async function expireCheckoutSessions(sessionIds: (string | null)[]): Promise<void> {
  await Promise.all(
    sessionIds
      .filter((id): id is string => id !== null)
      .map(async (id) => {
        try {
          const session = await stripe().checkout.sessions.retrieve(id);
          if (session.status === "open") await stripe().checkout.sessions.expire(id);
        } catch (error) {
          console.error(`Could not expire checkout session ${id}: ${(error as Error).message}`);
        }
      }),
  );
}

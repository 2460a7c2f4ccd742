import type { Tx } from "../../db";

/**
 * Puts a push of the customer's identity to Stripe in the outbox, inside the caller's
 * transaction: the change commits whether or not Stripe is reachable, and the relay
 * (lib/jobs/outbox-relay.ts) turns the row into a sync-stripe-customer job once it has.
 */
export async function requestStripeCustomerSync(tx: Tx, customerId: string): Promise<void> {
  await tx.stripeCustomerSyncRequest.create({ data: { customerId } });
}

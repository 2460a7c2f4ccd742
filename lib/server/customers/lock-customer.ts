import { db, type Tx } from "../../db";
import { getCustomerRowOrThrow } from "./get-customer";

/**
 * Reads a customer inside a transaction with a row lock, so that concurrent changes to one
 * customer are applied one after the other and each audit record has the true "before".
 */
export async function lockCustomer(tx: Tx, id: string) {
  await tx.$executeRaw`select 1 from customers where id = ${id} for update`;
  return getCustomerRowOrThrow(id, tx);
}

/**
 * Runs `work` in a transaction holding the customer's row lock. A staff change made at Stripe
 * inside `work` is therefore converged before any webhook it causes can be (their syncs wait on
 * the lock and then find nothing changed), so the audit names the staff user, not Stripe
 * (lib/server/subscriptions). The lock is held across Stripe calls, as a refund holds its charge's.
 */
export function underCustomerLock<T>(customerId: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db().$transaction(
    async (tx) => {
      await lockCustomer(tx, customerId);
      return work(tx);
    },
    { timeout: 30_000, maxWait: 30_000 },
  );
}

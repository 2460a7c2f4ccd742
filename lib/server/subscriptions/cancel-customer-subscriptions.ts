import { db } from "../../db";
import type { Actor } from "../audit/actor";
import { cancelSubscription } from "./cancel-subscription";

/**
 * Deleting a customer cancels its live subscriptions at once. Runs after the delete has
 * committed (Stripe calls do not belong inside a database transaction); a Stripe failure is
 * logged and leaves that subscription for an operator, it does not undo the delete.
 */
export async function cancelCustomerSubscriptions({
  customerId,
  actor,
}: {
  customerId: string;
  actor: Actor;
}) {
  const live = await db().subscription.findMany({
    where: { customerId, status: { notIn: ["canceled", "incomplete_expired"] } },
    select: { id: true },
  });
  for (const { id } of live) {
    await cancelSubscription({ id, atPeriodEnd: false, actor }).catch((error: unknown) => {
      console.error(`cancelling subscription ${id} of deleted customer ${customerId} failed:`, error);
    });
  }
}

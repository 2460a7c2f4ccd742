import { db } from "../../db";
import { customerSelect, serializeCustomer } from "../../serializers/customer";
import type { Actor } from "../audit/actor";
import { recordChange } from "../audit/record-change";
import { expireCheckoutSessions } from "../payment-links/expire-checkout-sessions";
import { revokeOpenPaymentLinks } from "../payment-links/revoke-open-payment-links";
import { cancelCustomerSubscriptions } from "../subscriptions/cancel-customer-subscriptions";
import { lockCustomer } from "./lock-customer";

/**
 * Soft delete: the customer stays for the books with status "deleted"; its open payment links
 * are revoked in the same transaction, and its live subscriptions are canceled at Stripe after
 * it commits. Deleting a deleted customer changes nothing.
 */
export async function deleteCustomer({ id, actor }: { id: string; actor: Actor }) {
  const { customer, revokedLinks } = await db().$transaction(async (tx) => {
    const current = await lockCustomer(tx, id);
    const before = serializeCustomer(current);
    if (current.status === "deleted")
      return { customer: before, revokedLinks: [] as { checkoutSessionId: string | null }[] };
    const now = new Date();
    const row = await tx.customer.update({
      where: { id },
      data: { status: "deleted", deletedAt: now },
      select: customerSelect,
    });
    const revokedLinks = await revokeOpenPaymentLinks(tx, { customerId: id, now });
    const after = serializeCustomer(row);
    await recordChange(tx, {
      actor,
      action: "customer.deleted",
      entityType: "customer",
      entityId: id,
      customerId: id,
      before,
      after,
    });
    return { customer: after, revokedLinks };
  });
  await expireCheckoutSessions(revokedLinks.map((link) => link.checkoutSessionId));
  await cancelCustomerSubscriptions({ customerId: id, actor });
  return customer;
}

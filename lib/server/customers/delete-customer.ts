import { db } from "../../db";
import { customerSelect, serializeCustomer } from "../../serializers/customer";
import type { Actor } from "../audit/actor";
import { recordChange } from "../audit/record-change";
import { revokeOpenPaymentLinks } from "../payment-links/revoke-open-payment-links";
import { lockCustomer } from "./lock-customer";

/**
 * Soft delete: the customer stays for the books with status "deleted"; its open payment links
 * are revoked in the same transaction. Deleting a deleted customer changes nothing.
 */
export async function deleteCustomer({ id, actor }: { id: string; actor: Actor }) {
  return db().$transaction(async (tx) => {
    const current = await lockCustomer(tx, id);
    const before = serializeCustomer(current);
    if (current.status === "deleted") return before;
    const now = new Date();
    const row = await tx.customer.update({
      where: { id },
      data: { status: "deleted", deletedAt: now },
      select: customerSelect,
    });
    await revokeOpenPaymentLinks(tx, { customerId: id, now });
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
    return after;
  });
}

import { db } from "../../db";
import { page, windowOf } from "../../pagination/cursor";
import { serializeAuditEntry } from "../../serializers/audit-entry";
import type { PaginationQuery } from "../../validations/pagination";
import { getCustomerRowOrThrow } from "../customers/get-customer";

/**
 * The changes to a customer and to the things that hang off it (payment links, payment
 * methods, subscriptions and charges, so that the staff's billing actions show on the
 * customer's page), newest first, by cursor. Audit records are keyed by entity, not by customer, so the
 * customer's own ids are gathered first.
 */
export async function listCustomerAuditTrail({
  customerId,
  query,
}: {
  customerId: string;
  query: PaginationQuery;
}) {
  await getCustomerRowOrThrow(customerId);
  const { beforeId, take } = windowOf(query, "serial");
  const owned = await Promise.all([
    db().paymentLink.findMany({ where: { customerId }, select: { id: true } }),
    db().paymentMethod.findMany({ where: { customerId }, select: { id: true } }),
    db().subscription.findMany({ where: { customerId }, select: { id: true } }),
    db().charge.findMany({ where: { customerId }, select: { id: true } }),
  ]);
  const entityIds = [customerId, ...owned.flat().map((entity) => entity.id)];
  const fetched = await db().auditRecord.findMany({
    where: { entityId: { in: entityIds }, ...(beforeId ? { id: { lt: BigInt(beforeId) } } : {}) },
    orderBy: { id: "desc" },
    take,
    select: {
      id: true,
      actorType: true,
      actorId: true,
      action: true,
      entityType: true,
      entityId: true,
      createdAt: true,
    },
  });
  const staffIds = fetched.flatMap((record) =>
    record.actorType === "staff_user" && record.actorId ? [record.actorId] : [],
  );
  const staff = staffIds.length
    ? await db().staffUser.findMany({
        where: { id: { in: [...new Set(staffIds)] } },
        select: { id: true, email: true },
      })
    : [];
  const emailOf = new Map(staff.map((user) => [user.id, user.email]));
  return page(fetched, query.limit, (record) => serializeAuditEntry(record, emailOf));
}

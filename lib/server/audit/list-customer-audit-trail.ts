import { db } from "../../db";
import { page, windowOf } from "../../pagination/cursor";
import { serializeAuditEntry } from "../../serializers/audit-entry";
import type { PaginationQuery } from "../../validations/pagination";
import { getCustomerRowOrThrow } from "../customers/get-customer";

/**
 * The changes to a customer and to the things that hang off it (payment links, payment
 * methods, subscriptions, charges and invoices, so that the staff's billing actions show on the
 * customer's page), newest first, by cursor. Audit records are keyed by entity, not by customer,
 * so the customer's own ids are gathered first, per entity type: the records' index leads with
 * the type, and a condition on the id alone would read every record ever written.
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
  const ownedIds = { where: { customerId }, select: { id: true } } as const;
  const [paymentLinks, paymentMethods, subscriptions, charges, invoices] = await Promise.all([
    db().paymentLink.findMany(ownedIds),
    db().paymentMethod.findMany(ownedIds),
    db().subscription.findMany(ownedIds),
    db().charge.findMany(ownedIds),
    db().invoice.findMany(ownedIds),
  ]);
  const owned = {
    payment_link: paymentLinks,
    payment_method: paymentMethods,
    subscription: subscriptions,
    charge: charges,
    invoice: invoices,
  };
  const entities = [
    { entityType: "customer", entityId: customerId },
    ...Object.entries(owned)
      .filter(([, rows]) => rows.length > 0)
      .map(([entityType, rows]) => ({ entityType, entityId: { in: rows.map((row) => row.id) } })),
  ];
  const fetched = await db().auditRecord.findMany({
    where: { OR: entities, ...(beforeId ? { id: { lt: BigInt(beforeId) } } : {}) },
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

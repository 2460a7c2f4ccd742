import { db } from "../../db";
import { firstOf } from "../../pagination/cursor";
import { getCustomerRowOrThrow } from "../customers/get-customer";

const AUDIT_TRAIL_LIMIT = 50;

/**
 * The newest changes to a customer and to the things that hang off it (payment links and
 * payment methods), for the customer page. Audit records are keyed by entity, not by customer,
 * so the customer's own ids are gathered first.
 */
export async function listCustomerAuditTrail(customerId: string) {
  await getCustomerRowOrThrow(customerId);
  const [links, methods] = await Promise.all([
    db().paymentLink.findMany({ where: { customerId }, select: { id: true } }),
    db().paymentMethod.findMany({ where: { customerId }, select: { id: true } }),
  ]);
  const entityIds = [customerId, ...links.map((link) => link.id), ...methods.map((method) => method.id)];
  const fetched = await db().auditRecord.findMany({
    where: { entityId: { in: entityIds } },
    orderBy: { id: "desc" },
    take: AUDIT_TRAIL_LIMIT + 1,
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
  const { rows: records, hasMore } = firstOf(fetched, AUDIT_TRAIL_LIMIT);
  const staffIds = records
    .filter((record) => record.actorType === "staff_user" && record.actorId)
    .map((record) => record.actorId as string);
  const staff = staffIds.length
    ? await db().staffUser.findMany({
        where: { id: { in: [...new Set(staffIds)] } },
        select: { id: true, email: true },
      })
    : [];
  const emailOf = new Map(staff.map((user) => [user.id, user.email]));
  return {
    object: "list" as const,
    data: records.map((record) => ({
      id: String(record.id),
      action: record.action,
      entity_type: record.entityType,
      entity_id: record.entityId,
      actor: {
        type: record.actorType,
        id: record.actorId,
        email: record.actorId ? (emailOf.get(record.actorId) ?? null) : null,
      },
      created_at: record.createdAt.toISOString(),
    })),
    has_more: hasMore,
    next_cursor: null,
  };
}

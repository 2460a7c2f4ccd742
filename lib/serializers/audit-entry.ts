import type { AuditRecord } from "../generated/prisma/client";
import type { AuditEntryResponse } from "../validations/activity-responses";

export type AuditEntryRow = Pick<
  AuditRecord,
  "id" | "actorType" | "actorId" | "action" | "entityType" | "entityId" | "createdAt"
>;

/** A change as the audit trail shows it, with the staff actor's email when `emailOf` knows it. */
export function serializeAuditEntry(
  row: AuditEntryRow,
  emailOf: ReadonlyMap<string, string>,
): AuditEntryResponse {
  return {
    id: String(row.id),
    action: row.action,
    entity_type: row.entityType,
    entity_id: row.entityId,
    actor: {
      type: row.actorType as AuditEntryResponse["actor"]["type"],
      id: row.actorId,
      email: row.actorId ? (emailOf.get(row.actorId) ?? null) : null,
    },
    created_at: row.createdAt.toISOString(),
  };
}

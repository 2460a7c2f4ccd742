import type { Tx } from "../../db";
import type { Prisma } from "../../generated/prisma/client";
import { newId } from "../../ids";
import type { Actor } from "./actor";

export interface Change {
  actor: Actor;
  /** e.g. customer.created: also the type of the domain event written to the outbox. */
  action: string;
  entityType: string;
  entityId: string;
  customerId: string | null;
  before: unknown;
  after: unknown;
  /** Audited but not announced to integrators (payment links, webhook endpoints): no event type exists for them. */
  emitEvent?: boolean;
}

/**
 * Writes the audit record and the outbox event of a change, inside the caller's transaction,
 * so that a change, its audit trail and its announcement commit or fail together.
 */
export async function recordChange(tx: Tx, change: Change): Promise<void> {
  await tx.auditRecord.create({
    data: {
      actorType: change.actor.type,
      actorId: change.actor.id,
      action: change.action,
      entityType: change.entityType,
      entityId: change.entityId,
      before: toJson(change.before),
      after: toJson(change.after),
    },
  });
  if (change.emitEvent === false) return;
  await tx.domainEvent.create({
    data: {
      id: newId("event"),
      type: change.action,
      customerId: change.customerId,
      data: toJson(change.after) ?? {},
    },
  });
}

function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  return value === null || value === undefined
    ? undefined
    : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue);
}

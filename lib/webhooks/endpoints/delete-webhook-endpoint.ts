import { db } from "../../db";
import { notFound } from "../../errors/app-error";
import { serializeWebhookEndpoint } from "../../serializers/webhook-endpoint";
import type { Actor } from "../../server/audit/actor";
import { recordChange } from "../../server/audit/record-change";

/** Stops deliveries to the endpoint (those still pending fail); its delivery history stays. */
export async function deleteWebhookEndpoint({ id, actor }: { id: string; actor: Actor }) {
  return db().$transaction(async (tx) => {
    const row = await tx.webhookEndpoint.findFirst({ where: { id, deletedAt: null } });
    if (!row) throw notFound("webhook endpoint", id);
    await tx.webhookEndpoint.update({ where: { id }, data: { deletedAt: new Date() } });
    await tx.webhookDelivery.updateMany({
      where: { endpointId: id, status: "pending" },
      data: { status: "failed", lastError: "endpoint deleted", nextAttemptAt: null },
    });
    const endpoint = { ...serializeWebhookEndpoint(row), deleted: true as const };
    await recordChange(tx, {
      actor,
      action: "webhook_endpoint.deleted",
      entityType: "webhook_endpoint",
      entityId: id,
      customerId: null,
      before: serializeWebhookEndpoint(row),
      after: endpoint,
      emitEvent: false,
    });
    return endpoint;
  });
}

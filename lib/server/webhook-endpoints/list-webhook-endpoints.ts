import { db } from "../../db";
import { serializeWebhookEndpoint } from "../../serializers/webhook-endpoint";

export async function listWebhookEndpoints() {
  const rows = await db().webhookEndpoint.findMany({ where: { deletedAt: null }, orderBy: { id: "desc" } });
  return {
    object: "list" as const,
    data: rows.map(serializeWebhookEndpoint),
    has_more: false,
    next_cursor: null,
  };
}

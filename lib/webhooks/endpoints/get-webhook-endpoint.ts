import { db } from "../../db";
import { notFound } from "../../errors/app-error";
import { serializeWebhookEndpoint } from "../../serializers/webhook-endpoint";

/** One live endpoint, without its secret; a deleted one is gone (404), as from the list. */
export async function getWebhookEndpoint(id: string) {
  const row = await db().webhookEndpoint.findFirst({ where: { id, deletedAt: null } });
  if (!row) throw notFound("webhook endpoint", id);
  return serializeWebhookEndpoint(row);
}

import { db } from "../../db";
import { page, windowOf } from "../../pagination/cursor";
import { serializeWebhookEndpoint } from "../../serializers/webhook-endpoint";
import type { PaginationQuery } from "../../validations/pagination";

/** The live endpoints, newest first, by cursor. */
export async function listWebhookEndpoints(query: PaginationQuery) {
  const { beforeId, take } = windowOf(query, "webhookEndpoint");
  const rows = await db().webhookEndpoint.findMany({
    where: { deletedAt: null, ...(beforeId ? { id: { lt: beforeId } } : {}) },
    orderBy: { id: "desc" },
    take,
  });
  return page(rows, query.limit, serializeWebhookEndpoint);
}

import type { Principal } from "../../auth/roles";
import { db } from "../../db";
import { firstOf } from "../../pagination/cursor";
import { visibleEndpointUrl } from "../../webhooks/visible-endpoint-url";
import { getCustomerRowOrThrow } from "../customers/get-customer";

const DELIVERY_LIMIT = 20;

/**
 * The newest outgoing webhook deliveries about one customer, with the event type and the
 * endpoint URL as `viewer` may see it (only its origin without the right to manage endpoints).
 */
export async function listCustomerWebhookDeliveries(customerId: string, viewer: Principal) {
  await getCustomerRowOrThrow(customerId);
  const fetched = await db().webhookDelivery.findMany({
    where: { customerId },
    orderBy: { createdAt: "desc" },
    take: DELIVERY_LIMIT + 1,
    select: {
      id: true,
      status: true,
      attemptCount: true,
      lastStatusCode: true,
      lastError: true,
      nextAttemptAt: true,
      deliveredAt: true,
      createdAt: true,
      event: { select: { id: true, type: true } },
      endpoint: { select: { id: true, url: true } },
    },
  });
  const { rows, hasMore } = firstOf(fetched, DELIVERY_LIMIT);
  return {
    object: "list" as const,
    data: rows.map((row) => ({
      id: row.id,
      object: "webhook_delivery" as const,
      status: row.status,
      event_id: row.event.id,
      event_type: row.event.type,
      endpoint_id: row.endpoint.id,
      endpoint_url: visibleEndpointUrl(row.endpoint.url, viewer),
      attempt_count: row.attemptCount,
      last_status_code: row.lastStatusCode,
      last_error: row.lastError,
      next_attempt_at: row.nextAttemptAt?.toISOString() ?? null,
      delivered_at: row.deliveredAt?.toISOString() ?? null,
      created_at: row.createdAt.toISOString(),
    })),
    has_more: hasMore,
    next_cursor: null,
  };
}

import type { Principal } from "../auth/roles";
import type { WebhookDelivery } from "../generated/prisma/client";
import type { WebhookDeliveryResponse } from "../validations/activity-responses";
import { visibleEndpointUrl } from "../webhooks/endpoints/visible-endpoint-url";

export type WebhookDeliveryRow = Pick<
  WebhookDelivery,
  | "id"
  | "status"
  | "attemptCount"
  | "lastStatusCode"
  | "lastError"
  | "nextAttemptAt"
  | "deliveredAt"
  | "createdAt"
> & { event: { id: string; type: string }; endpoint: { id: string; url: string } };

/** A delivery with the endpoint URL as `viewer` may see it (only its origin without the right to manage endpoints). */
export function serializeWebhookDelivery(
  row: WebhookDeliveryRow,
  viewer: Principal,
): WebhookDeliveryResponse {
  return {
    id: row.id,
    object: "webhook_delivery",
    status: row.status as WebhookDeliveryResponse["status"],
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
  };
}

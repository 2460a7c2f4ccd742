import type { WebhookEndpoint } from "../generated/prisma/client";
import type { WebhookEndpointResponse } from "../validations/activity-responses";

export function serializeWebhookEndpoint(
  row: Pick<WebhookEndpoint, "id" | "url" | "description" | "enabledEvents" | "createdAt">,
): WebhookEndpointResponse {
  return {
    id: row.id,
    object: "webhook_endpoint",
    url: row.url,
    description: row.description,
    enabled_events: row.enabledEvents,
    created_at: row.createdAt.toISOString(),
  };
}

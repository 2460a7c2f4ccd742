import type { WebhookEndpoint } from "../generated/prisma/client";

export function serializeWebhookEndpoint(
  row: Pick<WebhookEndpoint, "id" | "url" | "description" | "enabledEvents" | "createdAt">,
) {
  return {
    id: row.id,
    object: "webhook_endpoint" as const,
    url: row.url,
    description: row.description,
    enabled_events: row.enabledEvents,
    created_at: row.createdAt.toISOString(),
  };
}

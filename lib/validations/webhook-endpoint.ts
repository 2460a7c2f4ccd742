import { z } from "zod";
import { WEBHOOK_EVENT_TYPES } from "../webhooks/event-types";
import { createWebhookEndpointExample } from "./examples";
import { text } from "./text";

export const createWebhookEndpointSchema = z
  .strictObject({
    url: z
      .string({ error: "is required" })
      .max(2048, "must be at most 2048 characters")
      .meta({ description: "https URL of a public host (private and loopback addresses are refused)" }),
    enabled_events: z
      .array(
        z.enum(["*", ...WEBHOOK_EVENT_TYPES], {
          error: `must be "*" or one of: ${WEBHOOK_EVENT_TYPES.join(", ")}`,
        }),
        { error: "is required" },
      )
      .min(1, 'must name at least one event type, or "*"'),
    description: text(500).nullable().optional(),
  })
  .meta({ example: createWebhookEndpointExample });

export type CreateWebhookEndpointInput = z.infer<typeof createWebhookEndpointSchema>;

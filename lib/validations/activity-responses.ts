import { z } from "zod";
import {
  auditEntryExample,
  createdWebhookEndpointExample,
  deletedWebhookEndpointExample,
  paymentLinkSummaryExample,
  paymentMethodExample,
  webhookDeliveryExample,
  webhookEndpointExample,
} from "./examples";
import { eid, timestamp } from "./responses";

// What the customer's activity lists (cards, payment links, webhook deliveries, audit trail) and
// the webhook endpoints return: the shapes of lib/serializers and the list functions in lib/server.

export const paymentMethodResponseSchema = z
  .object({
    id: eid("paymentMethod"),
    object: z.literal("payment_method"),
    type: z.literal("card"),
    brand: z.string(),
    last4: z.string(),
    exp_month: z.number().int(),
    exp_year: z.number().int(),
    is_default: z.boolean().optional().meta({ description: "Whether this is the customer's default card." }),
    detached: z
      .boolean()
      .meta({ description: "Removed from the customer at Stripe; listed only on request." }),
    created_at: timestamp,
  })
  .meta({ id: "PaymentMethod", example: paymentMethodExample });

export const paymentLinkSummaryResponseSchema = z
  .object({
    id: eid("paymentLink"),
    object: z.literal("payment_link"),
    status: z.enum(["open", "opened", "completed", "revoked", "expired"]),
    expires_at: timestamp,
    completed_at: timestamp.nullable(),
    created_at: timestamp,
  })
  .meta({
    id: "PaymentLinkSummary",
    description: "A payment link without its URL: only the token's hash is stored.",
    example: paymentLinkSummaryExample,
  });

export const webhookEndpointResponseSchema = z
  .object({
    id: eid("webhookEndpoint"),
    object: z.literal("webhook_endpoint"),
    url: z.string(),
    description: z.string().nullable(),
    enabled_events: z.array(z.string()),
    created_at: timestamp,
  })
  .meta({ id: "WebhookEndpoint", example: webhookEndpointExample });

export const createdWebhookEndpointResponseSchema = webhookEndpointResponseSchema
  .extend({
    secret: z.string().meta({
      description: "The signing secret (whsec_…), shown in this response only: store it now.",
    }),
  })
  .meta({ id: "CreatedWebhookEndpoint", example: createdWebhookEndpointExample });

export const deletedWebhookEndpointResponseSchema = webhookEndpointResponseSchema
  .extend({ deleted: z.literal(true) })
  .meta({ id: "DeletedWebhookEndpoint", example: deletedWebhookEndpointExample });

export const webhookDeliveryResponseSchema = z
  .object({
    id: eid("webhookDelivery"),
    object: z.literal("webhook_delivery"),
    status: z.enum(["pending", "succeeded", "failed"]).meta({
      description: "failed: given up after the last retry.",
    }),
    event_id: z.string(),
    event_type: z.string(),
    endpoint_id: z.string(),
    endpoint_url: z.string().meta({
      description: "The endpoint's URL; only its origin for callers who may not manage webhook endpoints.",
    }),
    attempt_count: z.number().int(),
    last_status_code: z.number().int().nullable(),
    last_error: z.string().nullable(),
    next_attempt_at: timestamp.nullable(),
    delivered_at: timestamp.nullable(),
    created_at: timestamp,
  })
  .meta({ id: "WebhookDelivery", example: webhookDeliveryExample });

export const auditEntryResponseSchema = z
  .object({
    id: z.string(),
    action: z.string().meta({ example: "customer.updated" }),
    entity_type: z.string(),
    entity_id: z.string(),
    actor: z.object({
      type: z.enum(["api_key", "staff_user", "system", "stripe"]),
      id: z.string().nullable(),
      email: z.string().nullable().meta({ description: "For staff users." }),
    }),
    created_at: timestamp,
  })
  .meta({ id: "AuditEntry", example: auditEntryExample });

export type PaymentMethodResponse = z.infer<typeof paymentMethodResponseSchema>;
export type PaymentLinkSummaryResponse = z.infer<typeof paymentLinkSummaryResponseSchema>;
export type WebhookEndpointResponse = z.infer<typeof webhookEndpointResponseSchema>;
export type CreatedWebhookEndpointResponse = z.infer<typeof createdWebhookEndpointResponseSchema>;
export type DeletedWebhookEndpointResponse = z.infer<typeof deletedWebhookEndpointResponseSchema>;
export type WebhookDeliveryResponse = z.infer<typeof webhookDeliveryResponseSchema>;
export type AuditEntryResponse = z.infer<typeof auditEntryResponseSchema>;

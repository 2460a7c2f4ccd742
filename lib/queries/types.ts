import type { z } from "zod";
import type { CustomerJson } from "../serializers/customer";
import type { serializePaymentMethod } from "../serializers/payment-method";
import type {
  bookMetricsResponseSchema,
  chargeResponseSchema,
  customerMetricsResponseSchema,
  graphResponseSchema,
  subscriptionResponseSchema,
} from "../validations/billing-responses";
import type { listOf, paymentLinkResponseSchema } from "../validations/responses";

// The JSON shapes the pages read, derived from what produces or documents them so a change to
// the API shows up here as a type error. Type-only imports: zod and the schemas stay out of
// the browser bundle.

export type Customer = CustomerJson;
export type CustomerStatus = Customer["status"];

/** The list envelope of listOf(), with the item type filled in. */
export type ListPage<T> = Omit<z.infer<ReturnType<typeof listOf>>, "data"> & { data: T[] };

export type PaymentLinkCreated = z.infer<typeof paymentLinkResponseSchema>;
export type PaymentMethod = ReturnType<typeof serializePaymentMethod>;

export type Subscription = z.infer<typeof subscriptionResponseSchema>;
export type Charge = z.infer<typeof chargeResponseSchema>;

export type CustomerGraph = z.infer<typeof graphResponseSchema>;
export type GraphNode = CustomerGraph["nodes"][number];
export type GraphNodeType = GraphNode["type"];

export type CustomerMetrics = z.infer<typeof customerMetricsResponseSchema>;

export type BookMetrics = z.infer<typeof bookMetricsResponseSchema>;
export type BookCurrency = BookMetrics["currencies"][number];

// These lists have no response schema yet; their shapes are written out from the handlers in
// lib/server (payment links, webhook deliveries, audit trail), fields the pages read only.

export interface PaymentLinkSummary {
  id: string;
  status: "open" | "opened" | "completed" | "revoked" | "expired";
  expires_at: string;
  completed_at: string | null;
  created_at: string;
}

export interface WebhookDelivery {
  id: string;
  status: string;
  event_type: string;
  endpoint_url: string;
  attempt_count: number;
  last_status_code: number | null;
  last_error: string | null;
  delivered_at: string | null;
  created_at: string;
}

export interface AuditEntry {
  id: string;
  action: string;
  entity_type: string;
  entity_id: string;
  actor: { type: string; id: string | null; email: string | null };
  created_at: string;
}

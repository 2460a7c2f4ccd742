import type { z } from "zod";
import type { CustomerJson } from "../serializers/customer";
import type {
  auditEntryResponseSchema,
  paymentLinkSummaryResponseSchema,
  paymentMethodResponseSchema,
  webhookDeliveryResponseSchema,
} from "../validations/activity-responses";
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
export type PaymentMethod = z.infer<typeof paymentMethodResponseSchema>;

export type Subscription = z.infer<typeof subscriptionResponseSchema>;
export type Charge = z.infer<typeof chargeResponseSchema>;

export type CustomerGraph = z.infer<typeof graphResponseSchema>;
export type GraphNode = CustomerGraph["nodes"][number];
export type GraphNodeType = GraphNode["type"];

export type CustomerMetrics = z.infer<typeof customerMetricsResponseSchema>;

export type BookMetrics = z.infer<typeof bookMetricsResponseSchema>;
export type BookCurrency = BookMetrics["currencies"][number];

export type PaymentLinkSummary = z.infer<typeof paymentLinkSummaryResponseSchema>;
export type WebhookDelivery = z.infer<typeof webhookDeliveryResponseSchema>;
export type AuditEntry = z.infer<typeof auditEntryResponseSchema>;

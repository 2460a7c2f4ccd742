import { queryOptions } from "@tanstack/react-query";
import { apiFetch } from "./api-fetch";
import type { AuditEntry, ListPage, PaymentLinkSummary, PaymentMethod, WebhookDelivery } from "./types";

// What happened around one customer: all read-only lists under /customers/{id}/….
const activityQuery = <T>(id: string, resource: string) =>
  queryOptions({
    queryKey: ["customers", "detail", id, resource] as const,
    queryFn: () => apiFetch<ListPage<T>>(`/customers/${id}/${resource}.json`),
  });

export const paymentMethodsQuery = (id: string) => activityQuery<PaymentMethod>(id, "payment_methods");
export const paymentLinksQuery = (id: string) => activityQuery<PaymentLinkSummary>(id, "payment_links");
export const webhookDeliveriesQuery = (id: string) =>
  activityQuery<WebhookDelivery>(id, "webhook_deliveries");
export const auditTrailQuery = (id: string) => activityQuery<AuditEntry>(id, "audit_trail");

import { customerResourceQuery } from "./customers";
import type { AuditEntry, ListPage, PaymentLinkSummary, PaymentMethod, WebhookDelivery } from "./types";

// What happened around one customer: all read-only lists under /customers/{id}/….

export const paymentMethodsQuery = (id: string) =>
  customerResourceQuery<ListPage<PaymentMethod>>(id, "payment_methods");
export const paymentLinksQuery = (id: string) =>
  customerResourceQuery<ListPage<PaymentLinkSummary>>(id, "payment_links");
export const webhookDeliveriesQuery = (id: string) =>
  customerResourceQuery<ListPage<WebhookDelivery>>(id, "webhook_deliveries");
export const auditTrailQuery = (id: string) => customerResourceQuery<ListPage<AuditEntry>>(id, "audit_trail");

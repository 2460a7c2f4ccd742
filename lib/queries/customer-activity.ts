import * as api from "@donutwork/api-client";
import { dataOf, fromPages } from "./api-fetch";
import { customerResourceQuery } from "./customers";

// What happened around one customer: all read-only lists under /customers/{id}/….

export const paymentMethodsQuery = (id: string) =>
  customerResourceQuery(id, "payment_methods", () =>
    dataOf(api.listPaymentMethods({ ...fromPages, path: { id } })),
  );
export const paymentLinksQuery = (id: string) =>
  customerResourceQuery(id, "payment_links", () =>
    dataOf(api.listPaymentLinks({ ...fromPages, path: { id } })),
  );
export const webhookDeliveriesQuery = (id: string) =>
  customerResourceQuery(id, "webhook_deliveries", () =>
    dataOf(api.listWebhookDeliveries({ ...fromPages, path: { id } })),
  );
export const auditTrailQuery = (id: string) =>
  customerResourceQuery(id, "audit_trail", () => dataOf(api.listAuditTrail({ ...fromPages, path: { id } })));

/** The events integrators can subscribe to: every change of a customer and of its billing. */
export const WEBHOOK_EVENT_TYPES = [
  "customer.created",
  "customer.updated",
  "customer.deleted",
  "customer.payment_method.attached",
  "customer.payment_method.detached",
  "subscription.created",
  "subscription.updated",
  "subscription.canceled",
  "charge.succeeded",
  "charge.failed",
  "charge.refunded",
  "customer.risk_changed",
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export function endpointWants(enabledEvents: readonly string[], type: string): boolean {
  return enabledEvents.includes("*") || enabledEvents.includes(type);
}

import { createHash } from "node:crypto";

/**
 * The Stripe Idempotency-Key of one of our operations. From the caller's key and the customer
 * when there is one, so that a retry (also after a timeout where Stripe had already succeeded)
 * reaches Stripe with the same key and gets the first result back; otherwise from our own new id.
 */
export function stripeIdempotencyKey(input: {
  operation: string;
  customerId: string;
  callerKey: string | undefined;
  fallbackId: string;
}): string {
  if (!input.callerKey) return `donutwork-${input.operation}-${input.fallbackId}`;
  const digest = createHash("sha256").update(`${input.customerId}\n${input.callerKey}`).digest("hex");
  return `donutwork-${input.operation}-${digest.slice(0, 48)}`;
}

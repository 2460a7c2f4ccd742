import { createHmac } from "node:crypto";

/**
 * The `Stripe-Signature` header value Stripe sends: `t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "<t>.<body>">` keyed with the endpoint's `whsec_…` secret, which `stripe.webhooks.constructEvent`
 * verifies. `timestamp` is wall-clock time, never the emulator's advanced clock, because receivers
 * reject signatures older than five minutes.
 */
export function stripeSignatureHeader(payload: string, secret: string, timestamp: number): string {
  const signature = createHmac("sha256", secret).update(`${timestamp}.${payload}`, "utf8").digest("hex");
  return `t=${timestamp},v1=${signature}`;
}

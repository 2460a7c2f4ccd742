import { env } from "../../env";

/**
 * Whether outgoing webhooks may be plain http and reach loopback and private addresses. That is
 * for local development only: WEBHOOK_ALLOW_PRIVATE_URLS decides when it is set; unset, it is
 * allowed exactly while the Stripe emulator is in use (no STRIPE_SECRET_KEY), so that a developer
 * can receive on http://127.0.0.1, and never beside a real Stripe key, whatever the database.
 */
export function privateUrlsAllowed(): boolean {
  const { WEBHOOK_ALLOW_PRIVATE_URLS, STRIPE_SECRET_KEY } = env();
  return WEBHOOK_ALLOW_PRIVATE_URLS ?? !STRIPE_SECRET_KEY;
}

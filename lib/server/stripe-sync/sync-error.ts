import Stripe from "stripe";

/**
 * What a failed push records for every staff user and API key to read: Stripe's own words for
 * what Stripe refused (they name the field, and Stripe masks keys), never the API key's failure
 * text or a message from outside Stripe's SDK.
 */
export function syncErrorOf(error: unknown): string {
  if (
    error instanceof Stripe.errors.StripeAuthenticationError ||
    error instanceof Stripe.errors.StripePermissionError
  ) {
    return "Stripe refused DonutWork's API key.";
  }
  if (error instanceof Stripe.errors.StripeError) return error.message.slice(0, 500);
  return "Stripe could not be reached.";
}

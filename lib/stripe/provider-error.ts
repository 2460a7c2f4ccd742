import Stripe from "stripe";
import { AppError } from "../errors/app-error";

/**
 * Stripe failures that are not the customer's card: Stripe unreachable or failing is a 502 the
 * caller may retry (with the same Idempotency-Key nothing is done twice); Stripe refusing the
 * request for the state of its objects is a 409 with Stripe's words.
 */
export function providerError(error: unknown): unknown {
  if (error instanceof Stripe.errors.StripeInvalidRequestError) {
    return new AppError("conflict", `Stripe refused the request: ${error.message}`);
  }
  if (
    error instanceof Stripe.errors.StripeConnectionError ||
    error instanceof Stripe.errors.StripeAPIError ||
    error instanceof Stripe.errors.StripeRateLimitError ||
    error instanceof Stripe.errors.StripeIdempotencyError
  ) {
    return new AppError(
      "payment_provider_unavailable",
      "Stripe could not be reached or failed; retry with the same Idempotency-Key.",
      { retryAfterSeconds: 2 },
    );
  }
  return error;
}

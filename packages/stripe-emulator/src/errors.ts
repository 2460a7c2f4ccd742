/** The error types Stripe returns; the SDK picks its error class (StripeCardError, …) from `type`. */
export type StripeErrorType = "invalid_request_error" | "card_error" | "idempotency_error" | "api_error";

export interface StripeErrorBody {
  type: StripeErrorType;
  message: string;
  code?: string;
  param?: string;
  decline_code?: string;
  doc_url?: string;
  /** Card errors carry the objects involved, as Stripe does. */
  charge?: string;
  payment_intent?: object;
  payment_method?: object;
  setup_intent?: object;
}

/** Thrown by handlers; the HTTP layer renders it as `{ error: body }` with `status`. */
export class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: StripeErrorBody,
  ) {
    super(body.message);
    this.name = "StripeApiError";
  }
}

export function invalidRequest(
  message: string,
  options: { param?: string; code?: string } = {},
): StripeApiError {
  return new StripeApiError(400, { type: "invalid_request_error", message, ...options });
}

export function missingParam(param: string): StripeApiError {
  return invalidRequest(`Missing required param: ${param}.`, { param, code: "parameter_missing" });
}

export function invalidParam(param: string, message: string): StripeApiError {
  return invalidRequest(message, { param, code: "parameter_invalid" });
}

/** `No such customer: 'cus_123'` with 404, exactly as Stripe words it. */
export function noSuchResource(resourceName: string, id: string, param = "id"): StripeApiError {
  return new StripeApiError(404, {
    type: "invalid_request_error",
    code: "resource_missing",
    message: `No such ${resourceName}: '${id}'`,
    param,
    doc_url: "https://stripe.com/docs/error-codes/resource-missing",
  });
}

export function unrecognizedUrl(method: string, path: string): StripeApiError {
  return new StripeApiError(404, {
    type: "invalid_request_error",
    message: `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
  });
}

/** A refused card: what the card network said, in the fields Stripe uses for it. */
export interface CardRefusal {
  code: "card_declined" | "invalid_number";
  declineCode?: string;
  message: string;
}

/** Stripe's 402 `card_error`; `extra` carries the objects involved (payment intent, charge, …). */
export function cardError(refusal: CardRefusal, extra: Partial<StripeErrorBody> = {}): StripeApiError {
  return new StripeApiError(402, {
    type: "card_error",
    code: refusal.code,
    decline_code: refusal.declineCode,
    message: refusal.message,
    doc_url: `https://stripe.com/docs/error-codes/${refusal.code.replaceAll("_", "-")}`,
    ...extra,
  });
}

export function authenticationError(message: string): StripeApiError {
  return new StripeApiError(401, { type: "invalid_request_error", message });
}

export function idempotencyMismatch(key: string): StripeApiError {
  return new StripeApiError(400, {
    type: "idempotency_error",
    message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
  });
}

/** One field a request got wrong, named as a dotted path (`address.country`). */
export interface FieldError {
  field: string;
  message: string;
}

/**
 * The failures the domain can report. They name what went wrong, not how a transport shows it:
 * lib/api/problem-types.ts maps each to an HTTP status and a problem title.
 */
export const ERROR_CODES = [
  "malformed_json",
  "bad_request",
  "unauthorized",
  "forbidden",
  "not_found",
  "method_not_allowed",
  "conflict",
  "limit_reached",
  "gone",
  "payload_too_large",
  "unsupported_media_type",
  "validation_failed",
  "idempotency_key_reused",
  "idempotency_key_in_use",
  "rate_limited",
  "internal",
  "payment_provider_unavailable",
  "service_unavailable",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppErrorOptions {
  /** Every bad field, for a validation failure. */
  errors?: FieldError[];
  /** Members a caller can act on (e.g. `existing_id`, the customer that has a taken external id). */
  extra?: Record<string, unknown>;
  /** When the same request may succeed again (a busy database, a rate limit, a provider outage). */
  retryAfterSeconds?: number;
}

/** The one error type domain code throws for an expected failure. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly options: AppErrorOptions = {},
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const notFound = (what: string, id: string) => new AppError("not_found", `No ${what} with id ${id}.`);

export const validationFailed = (errors: FieldError[]) =>
  new AppError(
    "validation_failed",
    `${errors.length} field${errors.length === 1 ? " is" : "s are"} invalid: ${errors.map((e) => e.field).join(", ")}.`,
    { errors },
  );

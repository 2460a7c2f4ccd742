export interface FieldError {
  field: string;
  message: string;
}

/** The problems the API can report; each maps to one HTTP status and one title. */
export const PROBLEMS = {
  malformed_json: { status: 400, title: "Malformed JSON" },
  bad_request: { status: 400, title: "Bad request" },
  unauthorized: { status: 401, title: "Unauthorized" },
  forbidden: { status: 403, title: "Forbidden" },
  not_found: { status: 404, title: "Not found" },
  method_not_allowed: { status: 405, title: "Method not allowed" },
  conflict: { status: 409, title: "Conflict" },
  limit_reached: { status: 409, title: "Limit reached" },
  gone: { status: 410, title: "Gone" },
  payload_too_large: { status: 413, title: "Payload too large" },
  unsupported_media_type: { status: 415, title: "Unsupported media type" },
  validation_failed: { status: 422, title: "Validation failed" },
  idempotency_key_reused: { status: 422, title: "Idempotency key reused with another request" },
  idempotency_key_in_use: { status: 409, title: "A request with this idempotency key is still running" },
  rate_limited: { status: 429, title: "Too many requests" },
  internal: { status: 500, title: "Internal server error" },
  payment_provider_unavailable: { status: 502, title: "Payment provider unavailable" },
  service_unavailable: { status: 503, title: "Service unavailable" },
} as const;

export type ProblemCode = keyof typeof PROBLEMS;

/**
 * The one error type domain code throws for an expected failure. The API layer turns it into
 * an RFC 9457 problem; `extra` members (e.g. `existing_id`) are added to the problem body.
 */
export class ApiError extends Error {
  constructor(
    readonly code: ProblemCode,
    message: string,
    readonly options: {
      errors?: FieldError[];
      extra?: Record<string, unknown>;
      headers?: Record<string, string>;
    } = {},
  ) {
    super(message);
    this.name = "ApiError";
  }

  get status(): number {
    return PROBLEMS[this.code].status;
  }
}

export const notFound = (what: string, id: string) => new ApiError("not_found", `No ${what} with id ${id}.`);

export const validationFailed = (errors: FieldError[]) =>
  new ApiError(
    "validation_failed",
    `${errors.length} field${errors.length === 1 ? " is" : "s are"} invalid: ${errors.map((e) => e.field).join(", ")}.`,
    { errors },
  );

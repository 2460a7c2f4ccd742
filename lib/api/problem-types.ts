import type { AppError, ErrorCode } from "../errors/app-error";

/** Each domain error code as an HTTP status and an RFC 9457 title. */
export const PROBLEMS: Record<ErrorCode, { status: number; title: string }> = {
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
};

/** The HTTP status an error is answered with. */
export const statusOf = (error: AppError): number => PROBLEMS[error.code].status;

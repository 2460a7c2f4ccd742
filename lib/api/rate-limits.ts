import { env } from "../env";
import { ApiError } from "./api-error";
import { RateLimiter } from "./rate-limiter";

let limiters: { perCaller: RateLimiter; failedAuthPerIp: RateLimiter } | undefined;

function configured() {
  const { RATE_LIMIT_PER_SECOND, RATE_LIMIT_BURST, RATE_LIMIT_FAILED_AUTH_PER_MINUTE } = env();
  limiters ??= {
    perCaller: new RateLimiter(RATE_LIMIT_PER_SECOND, RATE_LIMIT_BURST),
    failedAuthPerIp: new RateLimiter(
      RATE_LIMIT_FAILED_AUTH_PER_MINUTE / 60,
      RATE_LIMIT_FAILED_AUTH_PER_MINUTE,
    ),
  };
  return limiters;
}

/** Per API key or staff user: throws 429 with Retry-After past the configured rate. */
export function limitCaller(callerId: string): void {
  throwIfLimited(configured().perCaller.take(callerId), "Too many requests for this API key or user");
}

/** Per client IP, counting only failed authentications: slows down key guessing. */
export function limitFailedAuthentication(request: Request): void {
  throwIfLimited(
    configured().failedAuthPerIp.take(clientIp(request)),
    "Too many failed authentication attempts from this address",
  );
}

export function clientIp(request: Request): string {
  // Only behind a proxy we trust is the forwarded address the client's.
  const forwarded = env().TRUST_PROXY
    ? request.headers.get("x-forwarded-for")?.split(",")[0]?.trim()
    : undefined;
  return forwarded || request.headers.get("x-real-ip") || "direct";
}

function throwIfLimited(retryAfterSeconds: number, message: string): void {
  if (retryAfterSeconds === 0) return;
  throw new ApiError("rate_limited", `${message}; retry in ${retryAfterSeconds} s.`, {
    headers: { "retry-after": String(retryAfterSeconds) },
  });
}

import type { RateLimiterPostgres } from "rate-limiter-flexible";
import { env } from "../env";
import { AppError } from "../errors/app-error";
import { addressLimitKey, clientAddress } from "../http/client-address";
import { consume, postgresLimiter } from "../rate-limits/postgres-limiter";
import { RateLimiter } from "./rate-limiter";

// Two limits with different stores. The per-caller token bucket is checked on every request,
// so it stays in this process's memory (a shared counter would cost a database write per
// request; with N instances a caller gets N times the rate). Failed authentications are rare
// for honest callers and are what a key guesser produces, so they are counted in PostgreSQL,
// shared by every instance, per client address (lib/http/client-address.ts).
let perCaller: RateLimiter | undefined;
let failedAuthentications: RateLimiterPostgres | undefined;
// When the last in-memory block of an address this process refused ends (epoch ms).
let anyBlockEndsAt = 0;

function failedAuthLimiter(): RateLimiterPostgres {
  const points = env().RATE_LIMIT_FAILED_AUTH_PER_MINUTE;
  // Once an address is over its limit, this process refuses it from memory until the minute
  // ends, without a database write per further guess.
  failedAuthentications ??= postgresLimiter({
    keyPrefix: "api-failed-auth",
    points,
    duration: 60,
    inMemoryBlockOnConsumed: points + 1,
  });
  return failedAuthentications;
}

/** Per API key or staff user: throws 429 with Retry-After past the configured rate. */
export function limitCaller(callerId: string): void {
  const { RATE_LIMIT_PER_SECOND, RATE_LIMIT_BURST } = env();
  perCaller ??= new RateLimiter(RATE_LIMIT_PER_SECOND, RATE_LIMIT_BURST);
  const wait = perCaller.take(callerId);
  if (wait > 0) throw rateLimited("Too many requests for this API key or user", wait);
}

/**
 * Before authenticating: an address this process has seen go over its failed-authentication
 * limit is refused whatever credentials it sends, so that once limited a right guess looks
 * exactly like a wrong one.
 */
export function refuseLimitedAddress(request: Request): void {
  // Nearly always no address is blocked: then skip parsing the client address (a few per cent
  // of a request's CPU, bench/api/README.md).
  if (Date.now() >= anyBlockEndsAt) return;
  const limiter = failedAuthLimiter();
  const blockedMs = limiter.getInMemoryBlockMsBeforeExpire(limiter.getKey(addressKeyOf(request)));
  if (blockedMs > 0) throw tooManyFailures(Math.ceil(blockedMs / 1000));
}

/** After a failed authentication: counts it for the client address; throws 429 past the limit. */
export async function limitFailedAuthentication(request: Request): Promise<void> {
  const outcome = await consume(failedAuthLimiter(), addressKeyOf(request));
  if (!outcome.allowed) {
    // The library blocks the address in this process's memory from this refusal on.
    anyBlockEndsAt = Math.max(anyBlockEndsAt, Date.now() + outcome.retryAfterSeconds * 1000);
    throw tooManyFailures(outcome.retryAfterSeconds);
  }
}

const addressKeyOf = (request: Request) => addressLimitKey(clientAddress(request.headers));

const tooManyFailures = (seconds: number) =>
  rateLimited("Too many failed authentication attempts from this address", seconds);

export function rateLimited(message: string, retryAfterSeconds: number): AppError {
  return new AppError("rate_limited", `${message}; retry in ${retryAfterSeconds} s.`, {
    retryAfterSeconds,
  });
}

import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { pool } from "../db";

/**
 * rate-limiter-flexible's table (prisma/schema.prisma `RateLimit`): one row per limited key,
 * `points` used and `expire` in epoch milliseconds. Every app instance counts in it, so a limit
 * holds however many instances an attacker's requests are spread over.
 */
export const RATE_LIMIT_TABLE = "rate_limits";

export interface LimiterOptions {
  /** Keeps one limiter's keys apart from another's in the shared table. */
  keyPrefix: string;
  /** Points allowed per `duration` seconds; each consume takes one. */
  points: number;
  duration: number;
  /**
   * Past this many points, the process remembers the key as blocked until its window ends and
   * refuses it without asking PostgreSQL, so a flood from one address costs no database writes.
   */
  inMemoryBlockOnConsumed?: number;
}

/** A fixed-window limiter on the shared PostgreSQL table, on the app's own connection pool. */
export function postgresLimiter(options: LimiterOptions): RateLimiterPostgres {
  return new RateLimiterPostgres({
    ...options,
    storeClient: pool(),
    storeType: "pool",
    tableName: RATE_LIMIT_TABLE,
    // The migration creates the table; the library must not (it would need DDL rights).
    tableCreated: true,
    // The library deletes rows that expired over an hour ago, every 5 minutes, per process.
    clearExpiredByTimeout: true,
  });
}

export type Consumed = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Takes `points` from `key`. The library rejects with a RateLimiterRes when the key is over its
 * limit and with an Error when PostgreSQL failed; only the first is a refusal, the second is
 * thrown on (the API answers it 503, as any lost database).
 */
export async function consume(limiter: RateLimiterPostgres, key: string, points = 1): Promise<Consumed> {
  try {
    await limiter.consume(key, points);
    return { allowed: true };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes)
      return { allowed: false, retryAfterSeconds: secondsOf(rejection) };
    throw rejection;
  }
}

export const secondsOf = (result: RateLimiterRes): number =>
  Math.max(1, Math.ceil(result.msBeforeNext / 1000));

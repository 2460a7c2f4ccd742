import { db } from "../db";

/**
 * Rows that are of no use once expired, and the SQL that finds them. One list, so that a table
 * that changes (say, rate limits moving to another store) is a one-line change here.
 * - idempotency keys are kept 24 h (lib/api/idempotency.ts, IDEMPOTENCY_KEY_TTL_HOURS);
 * - rate-limit windows are at most 15 minutes long (lib/auth/sign-in-rate-limit.ts); a day is
 *   far past the end of any of them.
 */
export const EXPIRED_ROWS = [
  { table: "idempotency_keys", expired: "created_at < now() - interval '24 hours'" },
  { table: "rate_limit_buckets", expired: "window_start < now() - interval '24 hours'" },
] as const;

// Deleted a batch at a time, so that a large backlog never holds long locks or one huge transaction.
const BATCH = 5_000;

/** Deletes every expired row of EXPIRED_ROWS; returns how many went, per table. */
export async function purgeExpiredRows(): Promise<Record<string, number>> {
  const purged: Record<string, number> = {};
  for (const { table, expired } of EXPIRED_ROWS) {
    purged[table] = 0;
    for (;;) {
      const count = await db().$executeRawUnsafe(
        `delete from ${table} where ctid = any(array(select ctid from ${table} where ${expired} limit ${BATCH}))`,
      );
      purged[table] += count;
      if (count < BATCH) break;
    }
  }
  return purged;
}

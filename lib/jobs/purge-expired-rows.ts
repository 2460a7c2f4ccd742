import { db } from "../db";

/**
 * Rows that are of no use once expired, and the SQL that finds them. One list, so that a table
 * that changes (say, rate limits moving to another store) is a one-line change here.
 * - idempotency keys are kept 24 h (lib/api/idempotency.ts, IDEMPOTENCY_KEY_TTL_HOURS);
 * - rate-limit rows (rate-limiter-flexible's store, lib/rate-limits) whose window ended over an
 *   hour ago: the library clears those too, but only from processes that are running and have
 *   used a limiter, so this schedule is what guarantees it.
 */
export const EXPIRED_ROWS = [
  { table: "idempotency_keys", expired: "created_at < now() - interval '24 hours'" },
  {
    table: "rate_limits",
    expired: "expire < (extract(epoch from now() - interval '1 hour') * 1000)::bigint",
  },
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

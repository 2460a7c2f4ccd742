import { db } from "../db";

const WINDOW_SECONDS = 15 * 60;
const MAX_ATTEMPTS = 10;

/**
 * Counts a sign-in attempt for `bucket` (IP and email) in a fixed 15-minute window kept in
 * PostgreSQL, so the limit holds across app instances. Returns false once the limit is reached.
 */
export async function consumeSignInAttempt(bucket: string): Promise<boolean> {
  const rows = await db().$queryRaw<{ attempts: number }[]>`
    insert into rate_limit_buckets (bucket, window_start, hits)
    values (${`sign-in:${bucket}`}, to_timestamp(floor(extract(epoch from now()) / ${WINDOW_SECONDS}) * ${WINDOW_SECONDS}), 1)
    on conflict (bucket, window_start) do update set hits = rate_limit_buckets.hits + 1
    returning hits as attempts`;
  return (rows[0]?.attempts ?? 0) <= MAX_ATTEMPTS;
}

import { env } from "../env";
import { rateLimited } from "./rate-limits";

// Reports read the whole book (hundreds of ms and several connections each at 100,000
// customers), so one caller may run only a few at once; more get 429 at once rather than queue
// for the report connections everyone shares (lib/db.ts reportDb). Counted per process: a
// request is in flight in one process only, and nothing outlives it.
const running = new Map<string, number>();

/** Admits one report for `callerId` or throws 429; the returned function ends it (once). */
export function admitReport(callerId: string): () => void {
  const limit = env().REPORT_CONCURRENCY_PER_CALLER;
  const current = running.get(callerId) ?? 0;
  if (current >= limit) throw rateLimited(`At most ${limit} report requests at once per API key or user`, 1);
  running.set(callerId, current + 1);
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    const left = (running.get(callerId) ?? 1) - 1;
    if (left > 0) running.set(callerId, left);
    else running.delete(callerId);
  };
}

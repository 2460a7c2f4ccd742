import { randomBytes } from "node:crypto";

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/**
 * An eid (`prefix_` + ULID) for a given creation time, so seeded ids sort by their spread-out
 * creation times exactly as ids made by the app (lib/ids.ts) sort by theirs.
 */
export function eidAt(prefix: string, timeMs: number): string {
  let time = "";
  let rest = Math.floor(timeMs);
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[rest % 32] + time;
    rest = Math.floor(rest / 32);
  }
  const random = randomBytes(16);
  let tail = "";
  for (const byte of random) tail += CROCKFORD[byte & 31];
  return `${prefix}_${time}${tail}`;
}

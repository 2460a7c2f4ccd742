import { randomBytes } from "node:crypto";
import { decodeTime, encodeTime, monotonicFactory, TIME_LEN, TIME_MAX } from "ulid";

/** The type prefixes of DonutWork's ids ("eids"): a prefix and a ULID, e.g. cus_01JDQ3X5Z4Q8M2N6P7R9S0T1V2. */
export const ID_PREFIXES = {
  customer: "cus",
  paymentLink: "pl",
  paymentMethod: "pm",
  subscription: "sub",
  charge: "ch",
  refund: "re",
  invoice: "in",
  event: "evt",
  apiKey: "key",
  staffUser: "usr",
  webhookEndpoint: "we",
  webhookDelivery: "whd",
} as const;

export type IdKind = keyof typeof ID_PREFIXES;

// ulid asks its random source once per character (16 per id); a call into OpenSSL each time
// showed up in profiles, so the bytes are drawn 4 KB at a time. Each byte / 256 is uniform in
// [0, 1), and ulid takes floor(x × 32) of it: every character stays uniformly random.
let randomPool = Buffer.alloc(0);
let randomOffset = 0;
function pooledRandom(): number {
  if (randomOffset >= randomPool.length) {
    randomPool = randomBytes(4096);
    randomOffset = 0;
  }
  return (randomPool[randomOffset++] as number) / 256;
}

// Monotonic within a process, so ids made in the same millisecond still sort by creation.
const nextUlid = monotonicFactory(pooledRandom);

export function newId(kind: IdKind): string {
  return `${ID_PREFIXES[kind]}_${nextUlid()}`;
}

/**
 * When an eid was made: its ULID's time. Rows whose creation time is taken from it
 * (customers.created_at, create-customer.ts) can be found by id range (created-id-bounds.ts).
 */
export function idTime(id: string): Date {
  return new Date(decodeTime(id.slice(id.indexOf("_") + 1)));
}

// The smallest and largest ULID character (Crockford base 32), for the randomness after the time.
const RANDOM_LEN = 16;
/**
 * The first and the last eid of `kind` that can be made at `at` (clamped to ULID's time range):
 * every id made at that millisecond sorts between them, ids made earlier before the first, ids
 * made later after the last.
 */
export function idBoundAt(kind: IdKind, at: number, end: "first" | "last"): string {
  const time = encodeTime(Math.min(Math.max(Math.floor(at), 0), TIME_MAX), TIME_LEN);
  return `${ID_PREFIXES[kind]}_${time}${(end === "first" ? "0" : "Z").repeat(RANDOM_LEN)}`;
}

const ULID = "[0-9A-HJKMNP-TV-Z]{26}";
// Compiled once per kind, not on every check.
const ID_PATTERNS = Object.fromEntries(
  Object.entries(ID_PREFIXES).map(([kind, prefix]) => [kind, new RegExp(`^${prefix}_${ULID}$`)]),
) as Record<IdKind, RegExp>;

export function isId(kind: IdKind, value: string): boolean {
  return ID_PATTERNS[kind].test(value);
}

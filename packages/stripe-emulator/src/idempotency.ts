import { idempotencyMismatch } from "./errors";

export interface IdempotencyRecord {
  /** Method, path and body of the first request: a replay must match it exactly. */
  fingerprint: string;
  status: number;
  body: string;
  createdAt: number;
}

// Stripe keeps keys for 24 hours; older ones may be reused for new requests.
const KEY_LIFETIME_SECONDS = 24 * 60 * 60;

export type IdempotencyLookup = { kind: "new" } | { kind: "replay"; status: number; body: string };

/**
 * Stripe's idempotency rules: the same key and parameters replay the stored response, the same
 * key with other parameters is an `idempotency_error`.
 */
export class IdempotencyKeys {
  constructor(
    private readonly records: Record<string, IdempotencyRecord>,
    private readonly now: () => number,
  ) {}

  lookup(key: string, fingerprint: string): IdempotencyLookup {
    const record = this.records[key];
    if (!record || record.createdAt + KEY_LIFETIME_SECONDS < this.now()) return { kind: "new" };
    if (record.fingerprint !== fingerprint) throw idempotencyMismatch(key);
    return { kind: "replay", status: record.status, body: record.body };
  }

  /**
   * Stripe saves a result once the endpoint started executing: successes and card declines (402).
   * Requests rejected by validation (400, 404) are not saved, so they can be corrected and retried.
   */
  remember(key: string, fingerprint: string, status: number, body: string): void {
    if (!(status < 300 || status === 402)) return;
    this.forgetExpired();
    this.records[key] = { fingerprint, status, body, createdAt: this.now() };
  }

  private forgetExpired(): void {
    const oldest = this.now() - KEY_LIFETIME_SECONDS;
    for (const [key, record] of Object.entries(this.records)) {
      if (record.createdAt < oldest) delete this.records[key];
    }
  }
}

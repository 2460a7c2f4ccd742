import { createHash } from "node:crypto";
import { db } from "../db";
import { AppError } from "../errors/app-error";
import { decryptSecret, encryptSecret } from "../secret-box";

export const IDEMPOTENCY_KEY_TTL_HOURS = 24;
// A first request that has held its key this long without finishing is taken to have crashed.
const STALE_LOCK_MS = 60_000;

export interface StoredResponse {
  status: number;
  body: string;
}

/**
 * Runs `execute` once per (caller, Idempotency-Key). A retry with the same request replays the
 * stored response and writes nothing; the same key with another request is a 422; a retry
 * while the first is still running is a 409. Server errors are not stored, so they can be retried.
 *
 * The response is stored encrypted (lib/secret-box.ts): it may carry a secret shown only once
 * (a webhook signing secret, an API key) or a customer's data, and a retry must still replay it
 * unchanged, since the caller whose connection dropped never saw it.
 */
export async function withIdempotency(
  scope: { principal: string; key: string; fingerprint: string },
  execute: () => Promise<StoredResponse>,
): Promise<StoredResponse> {
  const requestHash = createHash("sha256").update(scope.fingerprint).digest("hex");
  const where = { principal_key: { principal: scope.principal, key: scope.key } };
  const claimed = await claim(scope.principal, scope.key, requestHash);
  if (!claimed) {
    const existing = await db().idempotencyKey.findUnique({ where });
    if (!existing) return withIdempotency(scope, execute); // expired and removed meanwhile
    if (existing.requestHash !== requestHash) {
      throw new AppError(
        "idempotency_key_reused",
        "This Idempotency-Key was used with a different request; use a new key.",
      );
    }
    if (existing.responseStatus !== null && existing.responseBodyEncrypted !== null) {
      return { status: existing.responseStatus, body: decryptSecret(existing.responseBodyEncrypted) };
    }
    if (!(await takeOverStale(scope.principal, scope.key, existing.lockedAt))) {
      throw new AppError(
        "idempotency_key_in_use",
        "A request with this Idempotency-Key is still being processed; retry later.",
        {
          retryAfterSeconds: 1,
        },
      );
    }
  }
  let response: StoredResponse;
  try {
    response = await execute();
  } catch (error) {
    await db()
      .idempotencyKey.delete({ where })
      .catch(() => {});
    throw error;
  }
  if (response.status >= 500)
    await db()
      .idempotencyKey.delete({ where })
      .catch(() => {});
  else
    await db().idempotencyKey.update({
      where,
      data: { responseStatus: response.status, responseBodyEncrypted: encryptSecret(response.body) },
    });
  return response;
}

async function claim(principal: string, key: string, requestHash: string): Promise<boolean> {
  // Keys past their time are forgotten first, so the key can be used afresh.
  const cutoff = new Date(Date.now() - IDEMPOTENCY_KEY_TTL_HOURS * 3600_000);
  await db().idempotencyKey.deleteMany({ where: { principal, key, createdAt: { lt: cutoff } } });
  const { count } = await db().idempotencyKey.createMany({
    data: [{ principal, key, requestHash }],
    skipDuplicates: true,
  });
  return count === 1;
}

async function takeOverStale(principal: string, key: string, lockedAt: Date): Promise<boolean> {
  if (Date.now() - lockedAt.getTime() < STALE_LOCK_MS) return false;
  const { count } = await db().idempotencyKey.updateMany({
    where: { principal, key, lockedAt, responseStatus: null },
    data: { lockedAt: new Date() },
  });
  return count === 1;
}

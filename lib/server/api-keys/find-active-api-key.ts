import { pool } from "../../db";
import { hashToken } from "../../secret-tokens";
import { type CachedApiKey, cachedApiKey, rememberApiKey } from "./api-key-cache";

// last_used_at is for people, not for security: write it at most once a minute per key so a
// busy integration does not turn every read into a write.
const LAST_USED_RESOLUTION_MS = 60_000;
const lastTouched = new Map<string, number>();

// Plain SQL on the pool Prisma also runs on (lib/db.ts), like the customer hot paths: this runs
// for every key the cache does not hold, and Prisma's per-query work costs more CPU than the
// statement does (bench/api/README.md).
const FIND_KEY = "select id, scopes, revoked_at from api_keys where secret_hash = $1";
const TOUCH_KEY = "update api_keys set last_used_at = $2 where id = $1";

export async function findActiveApiKey(secret: string): Promise<CachedApiKey | null> {
  if (!secret.startsWith("dw_") || secret.length > 200) return null;
  const secretHash = hashToken(secret);
  const cached = cachedApiKey(secretHash, lookUp);
  if (cached) {
    touch(cached.id);
    return cached;
  }
  const askedAt = Date.now();
  const found = await lookUp(secretHash);
  if (!found) return null;
  touch(found.id);
  rememberApiKey(secretHash, found, askedAt);
  return found;
}

/** The key with this secret hash, unless there is none or it is revoked. */
async function lookUp(secretHash: string): Promise<CachedApiKey | null> {
  const { rows } = await pool().query<{ id: string; scopes: string[]; revoked_at: Date | null }>(FIND_KEY, [
    secretHash,
  ]);
  const key = rows[0];
  return key && !key.revoked_at ? { id: key.id, scopes: key.scopes } : null;
}

function touch(id: string): void {
  const now = Date.now();
  if (now - (lastTouched.get(id) ?? 0) < LAST_USED_RESOLUTION_MS) return;
  lastTouched.set(id, now);
  pool()
    .query(TOUCH_KEY, [id, new Date(now)])
    .catch(() => lastTouched.delete(id));
}

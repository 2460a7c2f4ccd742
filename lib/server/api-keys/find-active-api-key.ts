import { db } from "../../db";
import { hashToken } from "../../secret-tokens";
import { cachedApiKey, rememberApiKey } from "./api-key-cache";

// last_used_at is for people, not for security: write it at most once a minute per key so a
// busy integration does not turn every read into a write.
const LAST_USED_RESOLUTION_MS = 60_000;
const lastTouched = new Map<string, number>();

export async function findActiveApiKey(secret: string): Promise<{ id: string; scopes: string[] } | null> {
  if (!secret.startsWith("dw_") || secret.length > 200) return null;
  const secretHash = hashToken(secret);
  const cached = cachedApiKey(secretHash);
  if (cached) {
    touch(cached.id);
    return cached;
  }
  const key = await db().apiKey.findUnique({
    where: { secretHash },
    select: { id: true, scopes: true, revokedAt: true },
  });
  if (!key || key.revokedAt) return null;
  touch(key.id);
  const found = { id: key.id, scopes: key.scopes };
  rememberApiKey(secretHash, found);
  return found;
}

function touch(id: string): void {
  const now = Date.now();
  if (now - (lastTouched.get(id) ?? 0) < LAST_USED_RESOLUTION_MS) return;
  lastTouched.set(id, now);
  db()
    .apiKey.update({ where: { id }, data: { lastUsedAt: new Date(now) } })
    .catch(() => lastTouched.delete(id));
}

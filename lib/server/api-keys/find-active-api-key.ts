import { db } from "../../db";
import { hashToken } from "../../secret-tokens";

// last_used_at is for people, not for security: write it at most once a minute per key so a
// busy integration does not turn every read into a write.
const LAST_USED_RESOLUTION_MS = 60_000;
const lastTouched = new Map<string, number>();

export async function findActiveApiKey(secret: string): Promise<{ id: string; scopes: string[] } | null> {
  if (!secret.startsWith("dw_") || secret.length > 200) return null;
  const key = await db().apiKey.findUnique({
    where: { secretHash: hashToken(secret) },
    select: { id: true, scopes: true, revokedAt: true },
  });
  if (!key || key.revokedAt) return null;
  touch(key.id);
  return { id: key.id, scopes: key.scopes };
}

function touch(id: string): void {
  const now = Date.now();
  if (now - (lastTouched.get(id) ?? 0) < LAST_USED_RESOLUTION_MS) return;
  lastTouched.set(id, now);
  db()
    .apiKey.update({ where: { id }, data: { lastUsedAt: new Date(now) } })
    .catch(() => lastTouched.delete(id));
}

import { db } from "../../db";

/** The keys, newest first (revoked ones too); `window` selects one page of them, else all. */
export function listApiKeys(window: { beforeId?: string; take?: number } = {}) {
  return db().apiKey.findMany({
    where: window.beforeId ? { id: { lt: window.beforeId } } : {},
    orderBy: { id: "desc" },
    ...(window.take ? { take: window.take } : {}),
    select: {
      id: true,
      name: true,
      prefix: true,
      scopes: true,
      lastUsedAt: true,
      revokedAt: true,
      createdAt: true,
    },
  });
}

import { notFound } from "../../api/api-error";
import { db } from "../../db";

/** Revokes a key (idempotent: revoking twice keeps the first time). */
export async function revokeApiKey(id: string) {
  const key = await db().apiKey.findUnique({ where: { id }, select: { id: true, revokedAt: true } });
  if (!key) throw notFound("API key", id);
  if (key.revokedAt) return key;
  return db().apiKey.update({
    where: { id },
    data: { revokedAt: new Date() },
    select: { id: true, revokedAt: true },
  });
}

import { db } from "../../db";
import { notFound } from "../../errors/app-error";
import { forgetApiKey } from "./api-key-cache";

/**
 * Revokes a key (idempotent: revoking twice keeps the first time). This process forgets it at
 * once; other processes within the API key cache's few seconds.
 */
export async function revokeApiKey(id: string) {
  const key = await db().apiKey.findUnique({ where: { id }, select: { id: true, revokedAt: true } });
  if (!key) throw notFound("API key", id);
  forgetApiKey(id);
  if (key.revokedAt) return key;
  return db().apiKey.update({
    where: { id },
    data: { revokedAt: new Date() },
    select: { id: true, revokedAt: true },
  });
}

import type { ApiKey } from "../generated/prisma/client";

/** An API key as admins see it: never the secret, only the prefix that tells keys apart. */
export function serializeApiKey(
  row: Pick<ApiKey, "id" | "name" | "prefix" | "scopes" | "createdAt"> &
    Partial<Pick<ApiKey, "lastUsedAt" | "revokedAt">>,
) {
  return {
    id: row.id,
    object: "api_key" as const,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    last_used_at: row.lastUsedAt?.toISOString() ?? null,
    revoked_at: row.revokedAt?.toISOString() ?? null,
    created_at: row.createdAt.toISOString(),
  };
}

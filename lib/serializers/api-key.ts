import type { z } from "zod";
import type { ApiKey } from "../generated/prisma/client";
import type {
  ApiKeyResponse,
  createdApiKeyResponseSchema,
  RevokedApiKeyResponse,
} from "../validations/api-key-responses";

type ApiKeyRow = Pick<ApiKey, "id" | "name" | "prefix" | "scopes" | "createdAt"> &
  Partial<Pick<ApiKey, "lastUsedAt" | "revokedAt">>;

/** An API key as admins see it: never the secret, only the prefix that tells keys apart. */
export function serializeApiKey(row: ApiKeyRow): ApiKeyResponse {
  return {
    id: row.id,
    object: "api_key",
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    last_used_at: row.lastUsedAt?.toISOString() ?? null,
    revoked_at: row.revokedAt?.toISOString() ?? null,
    created_at: row.createdAt.toISOString(),
  };
}

/** A new key with its secret: in this response only, since it is stored hashed. */
export function serializeCreatedApiKey(
  row: ApiKeyRow & { secret: string },
): z.infer<typeof createdApiKeyResponseSchema> {
  return { ...serializeApiKey(row), secret: row.secret };
}

export function serializeRevokedApiKey(row: Pick<ApiKey, "id" | "revokedAt">): RevokedApiKeyResponse {
  return { id: row.id, object: "api_key", revoked_at: row.revokedAt?.toISOString() ?? null };
}

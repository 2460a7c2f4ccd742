import { otherMethods } from "@/lib/api/fallbacks";
import { apiRoute, ok } from "@/lib/api/route";
import { revokeApiKey } from "@/lib/server/api-keys/revoke-api-key";

/** DELETE revokes: the key stays listed (with revoked_at) so its history remains readable. */
export const DELETE = apiRoute<{ id: string }>({ permission: "admin" }, async ({ params }) => {
  const key = await revokeApiKey(params.id);
  return ok({ id: key.id, object: "api_key", revoked_at: key.revokedAt?.toISOString() ?? null });
});

export const { GET, POST, PUT, PATCH } = otherMethods(["DELETE"]);

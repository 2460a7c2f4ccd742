import { otherMethods } from "@/lib/api/fallbacks";
import { apiRoute, created, ok } from "@/lib/api/route";
import { serializeApiKey } from "@/lib/serializers/api-key";
import { createApiKey } from "@/lib/server/api-keys/create-api-key";
import { listApiKeys } from "@/lib/server/api-keys/list-api-keys";
import { createApiKeySchema } from "@/lib/validations/api-key";

// Admins only (never with an API key): a key must not be able to mint or list keys.
export const GET = apiRoute({ permission: "admin" }, async () => {
  const keys = await listApiKeys();
  return ok({ object: "list", data: keys.map(serializeApiKey), has_more: false, next_cursor: null });
});

export const POST = apiRoute({ permission: "admin" }, async ({ body }) => {
  const key = await createApiKey(createApiKeySchema.parse(body));
  // The secret is in this response only; it is stored hashed.
  return created({ ...serializeApiKey(key), secret: key.secret });
});

export const { PUT, PATCH, DELETE } = otherMethods(["GET", "POST"]);

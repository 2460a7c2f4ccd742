import { otherMethods } from "@/lib/api/fallbacks";
import { apiRoute } from "@/lib/api/route";
import * as operations from "@/lib/operations/api-keys";
import { serializeRevokedApiKey } from "@/lib/serializers/api-key";
import { revokeApiKey } from "@/lib/server/api-keys/revoke-api-key";

export const DELETE = apiRoute(operations.revokeApiKey, async ({ params }) =>
  serializeRevokedApiKey(await revokeApiKey(params.id)),
);

export const { GET, POST, PUT, PATCH } = otherMethods(["DELETE"]);

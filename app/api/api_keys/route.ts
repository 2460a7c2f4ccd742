import { otherMethods } from "@/lib/api/fallbacks";
import { apiRoute } from "@/lib/api/route";
import * as operations from "@/lib/operations/api-keys";
import { page, windowOf } from "@/lib/pagination/cursor";
import { serializeApiKey, serializeCreatedApiKey } from "@/lib/serializers/api-key";
import { createApiKey } from "@/lib/server/api-keys/create-api-key";
import { listApiKeys } from "@/lib/server/api-keys/list-api-keys";

export const GET = apiRoute(operations.listApiKeys, async ({ query }) =>
  page(await listApiKeys(windowOf(query, "apiKey")), query.limit, serializeApiKey),
);

export const POST = apiRoute(operations.createApiKey, async ({ body }) =>
  serializeCreatedApiKey(await createApiKey(body)),
);

export const { PUT, PATCH, DELETE } = otherMethods(["GET", "POST"]);

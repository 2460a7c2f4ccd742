import { otherMethods } from "@/lib/api/fallbacks";
import { apiRoute, created, ok } from "@/lib/api/route";
import { createWebhookEndpoint } from "@/lib/server/webhook-endpoints/create-webhook-endpoint";
import { listWebhookEndpoints } from "@/lib/server/webhook-endpoints/list-webhook-endpoints";
import { createWebhookEndpointSchema } from "@/lib/validations/webhook-endpoint";

export const GET = apiRoute({ permission: "manage" }, async () => ok(await listWebhookEndpoints()));

export const POST = apiRoute({ permission: "manage" }, async ({ body, actor }) =>
  created(await createWebhookEndpoint({ input: createWebhookEndpointSchema.parse(body), actor })),
);

export const { PUT, PATCH, DELETE } = otherMethods(["GET", "POST"]);

import { otherMethods } from "@/lib/api/fallbacks";
import { apiRoute } from "@/lib/api/route";
import * as operations from "@/lib/operations/webhook-endpoints";
import { createWebhookEndpoint } from "@/lib/server/webhook-endpoints/create-webhook-endpoint";
import { listWebhookEndpoints } from "@/lib/server/webhook-endpoints/list-webhook-endpoints";

export const GET = apiRoute(operations.listWebhookEndpoints, ({ query }) => listWebhookEndpoints(query));

export const POST = apiRoute(operations.createWebhookEndpoint, ({ body, actor }) =>
  createWebhookEndpoint({ input: body, actor }),
);

export const { PUT, PATCH, DELETE } = otherMethods(["GET", "POST"]);

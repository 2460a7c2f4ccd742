import { otherMethods } from "@/lib/api/fallbacks";
import { apiRoute } from "@/lib/api/route";
import * as operations from "@/lib/operations/webhook-endpoints";
import { createWebhookEndpoint } from "@/lib/webhooks/endpoints/create-webhook-endpoint";
import { listWebhookEndpoints } from "@/lib/webhooks/endpoints/list-webhook-endpoints";

export const GET = apiRoute(operations.listWebhookEndpoints, ({ query }) => listWebhookEndpoints(query));

export const POST = apiRoute(operations.createWebhookEndpoint, ({ body, actor }) =>
  createWebhookEndpoint({ input: body, actor }),
);

export const { PUT, PATCH, DELETE } = otherMethods(["GET", "POST"]);

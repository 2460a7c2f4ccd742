import { otherMethods } from "@/lib/api/fallbacks";
import { apiRoute } from "@/lib/api/route";
import * as operations from "@/lib/operations/webhook-endpoints";
import { deleteWebhookEndpoint } from "@/lib/webhooks/endpoints/delete-webhook-endpoint";
import { getWebhookEndpoint } from "@/lib/webhooks/endpoints/get-webhook-endpoint";

export const GET = apiRoute(operations.getWebhookEndpoint, ({ params }) => getWebhookEndpoint(params.id));

export const DELETE = apiRoute(operations.deleteWebhookEndpoint, ({ params, actor }) =>
  deleteWebhookEndpoint({ id: params.id, actor }),
);

export const { POST, PUT, PATCH } = otherMethods(["GET", "DELETE"]);

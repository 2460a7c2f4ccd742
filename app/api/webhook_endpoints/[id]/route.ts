import { otherMethods } from "@/lib/api/fallbacks";
import { apiRoute } from "@/lib/api/route";
import * as operations from "@/lib/operations/webhook-endpoints";
import { deleteWebhookEndpoint } from "@/lib/server/webhook-endpoints/delete-webhook-endpoint";

export const DELETE = apiRoute(operations.deleteWebhookEndpoint, ({ params, actor }) =>
  deleteWebhookEndpoint({ id: params.id, actor }),
);

export const { GET, POST, PUT, PATCH } = otherMethods(["DELETE"]);

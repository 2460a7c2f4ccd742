import { otherMethods } from "@/lib/api/fallbacks";
import { apiRoute, ok } from "@/lib/api/route";
import { deleteWebhookEndpoint } from "@/lib/server/webhook-endpoints/delete-webhook-endpoint";

export const DELETE = apiRoute<{ id: string }>({ permission: "manage" }, async ({ params, actor }) =>
  ok(await deleteWebhookEndpoint({ id: params.id, actor })),
);

export const { GET, POST, PUT, PATCH } = otherMethods(["DELETE"]);

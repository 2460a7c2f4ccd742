import { otherMethods } from "@/lib/api/fallbacks";
import { apiRoute, ok } from "@/lib/api/route";
import { listCustomerWebhookDeliveries } from "@/lib/server/webhook-deliveries/list-customer-webhook-deliveries";

export const GET = apiRoute<{ id: string }>({ permission: "read" }, async ({ params, principal }) =>
  ok(await listCustomerWebhookDeliveries(params.id, principal)),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);

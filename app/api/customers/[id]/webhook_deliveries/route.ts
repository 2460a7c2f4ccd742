import { otherMethods } from "@/lib/api/fallbacks";
import { apiRoute, ok } from "@/lib/api/route";
import { listCustomerWebhookDeliveries } from "@/lib/server/webhook-deliveries/list-customer-webhook-deliveries";

export const GET = apiRoute<{ id: string }>({ permission: "read" }, async ({ params }) =>
  ok(await listCustomerWebhookDeliveries(params.id)),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);

import { otherMethods } from "@/lib/api/fallbacks";
import { apiRoute } from "@/lib/api/route";
import * as operations from "@/lib/operations/customer-activity";
import { listCustomerWebhookDeliveries } from "@/lib/webhooks/deliveries/list-customer-webhook-deliveries";

export const GET = apiRoute(operations.listWebhookDeliveries, ({ params, query, principal }) =>
  listCustomerWebhookDeliveries({ customerId: params.id, query, viewer: principal }),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);

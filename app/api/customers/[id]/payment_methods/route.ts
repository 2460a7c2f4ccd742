import { otherMethods } from "@/lib/api/fallbacks";
import { apiRoute } from "@/lib/api/route";
import * as operations from "@/lib/operations/customer-activity";
import { listPaymentMethods } from "@/lib/server/payment-methods/list-payment-methods";

export const GET = apiRoute(operations.listPaymentMethods, ({ params, query }) =>
  listPaymentMethods({ customerId: params.id, query }),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);

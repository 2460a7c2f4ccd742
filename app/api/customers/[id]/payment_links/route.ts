import { otherMethods } from "@/lib/api/fallbacks";
import { apiRoute } from "@/lib/api/route";
import * as operations from "@/lib/operations/payment-links";
import { listPaymentLinks } from "@/lib/server/payment-links/list-payment-links";

export const GET = apiRoute(operations.listPaymentLinks, ({ params, query }) =>
  listPaymentLinks({ customerId: params.id, query }),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);

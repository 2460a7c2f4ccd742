import { otherMethods } from "@/lib/api/fallbacks";
import { apiRoute } from "@/lib/api/route";
import * as operations from "@/lib/operations/health";
import { getCustomerMetrics } from "@/lib/server/metrics/get-customer-metrics";

export const GET = apiRoute(operations.getCustomerMetrics, ({ params }) =>
  getCustomerMetrics({ customerId: params.id }),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);

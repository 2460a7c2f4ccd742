import { otherMethods } from "@/lib/api/fallbacks";
import { apiRoute, ok } from "@/lib/api/route";
import { getCustomerMetrics } from "@/lib/server/metrics/get-customer-metrics";

export const GET = apiRoute<{ id: string }>({ permission: "read" }, async ({ params }) =>
  ok(await getCustomerMetrics({ customerId: params.id })),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);

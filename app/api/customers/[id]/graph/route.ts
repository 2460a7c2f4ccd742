import { otherMethods } from "@/lib/api/fallbacks";
import { apiRoute, ok } from "@/lib/api/route";
import { getCustomerGraph } from "@/lib/server/graph/get-customer-graph";

export const GET = apiRoute<{ id: string }>({ permission: "read" }, async ({ params }) =>
  ok(await getCustomerGraph(params.id)),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);

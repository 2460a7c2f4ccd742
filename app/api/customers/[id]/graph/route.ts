import { otherMethods } from "@/lib/api/fallbacks";
import { apiRoute } from "@/lib/api/route";
import * as operations from "@/lib/operations/health";
import { getCustomerGraph } from "@/lib/server/graph/get-customer-graph";

export const GET = apiRoute(operations.getCustomerGraph, ({ params }) => getCustomerGraph(params.id));

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);

import { otherMethods } from "@/lib/api/fallbacks";
import { apiRoute } from "@/lib/api/route";
import * as operations from "@/lib/operations/revenue";
import { listMrrMovements } from "@/lib/server/metrics/list-mrr-movements";
import { movementsRange } from "@/lib/validations/revenue-query";

export const GET = apiRoute(operations.listMrrMovements, ({ query }) =>
  listMrrMovements({
    currency: query.currency?.toUpperCase(),
    ...movementsRange(query),
    type: query.type,
    limit: query.limit,
    cursor: query.cursor,
  }),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);

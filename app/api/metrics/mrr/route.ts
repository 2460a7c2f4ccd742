import { otherMethods } from "@/lib/api/fallbacks";
import { apiRoute } from "@/lib/api/route";
import * as operations from "@/lib/operations/revenue";
import { getMrrSeries } from "@/lib/server/metrics/get-mrr-series";
import { seriesRange } from "@/lib/validations/revenue-query";

export const GET = apiRoute(operations.getMrrSeries, ({ query }) =>
  getMrrSeries({ currency: query.currency?.toUpperCase(), ...seriesRange(query), interval: query.interval }),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);

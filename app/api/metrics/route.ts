import { otherMethods } from "@/lib/api/fallbacks";
import { apiRoute } from "@/lib/api/route";
import * as operations from "@/lib/operations/health";
import { getBookMetrics } from "@/lib/server/metrics/get-book-metrics";

export const GET = apiRoute(operations.getBookMetrics, ({ query }) =>
  getBookMetrics({ from: query.from, to: query.to, atRiskLimit: query.at_risk_limit }),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);

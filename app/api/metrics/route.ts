import { otherMethods } from "@/lib/api/fallbacks";
import { apiRoute, ok } from "@/lib/api/route";
import { getBookMetrics } from "@/lib/server/metrics/get-book-metrics";
import { bookMetricsQuerySchema } from "@/lib/validations/subscription";

export const GET = apiRoute({ permission: "read", report: true }, async ({ url }) => {
  const query = bookMetricsQuerySchema.parse(Object.fromEntries(url.searchParams));
  return ok(await getBookMetrics({ from: query.from, to: query.to, atRiskLimit: query.at_risk_limit }));
});

export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);

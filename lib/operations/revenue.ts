import { mrrMovementListResponseSchema, mrrSeriesResponseSchema } from "../validations/billing-responses";
import { movementsQuerySchema, mrrSeriesQuerySchema } from "../validations/revenue-query";
import { defineOperation } from "./define-operation";

const report = {
  tag: "Health",
  public: true,
  permission: "read",
  method: "GET",
  idempotency: "none",
  report: true,
} as const;

const reportErrors = {
  422: "Bad parameter (`errors[].field` names it): a date, an interval, a currency, from after to, more than 1000 points",
  429: "More report requests at once than this key or user may run (Retry-After)",
  503: "The report ran past its time limit, or the report connections are busy (Retry-After)",
} as const;

export const getMrrSeries = defineOperation({
  ...report,
  operationId: "getMrrSeries",
  path: "/metrics/mrr.json",
  summary: "MRR and YRR over time per currency, each period with its movements",
  description:
    "Periods are UTC days, ISO weeks (from Monday) or calendar months, the first and last clipped to from/to " +
    "(inclusive; default: the 24 months ending today). Each point: start and end MRR, YRR (12 × MRR), paying " +
    "customers, and the movements of the period (every recorded MRR change is one movement: new, expansion, " +
    "reactivation, contraction or churn) with start_mrr + net_new_mrr = end_mrr.",
  query: mrrSeriesQuerySchema,
  response: { status: 200, description: "The series", schema: mrrSeriesResponseSchema },
  errors: reportErrors,
});

export const listMrrMovements = defineOperation({
  ...report,
  operationId: "listMrrMovements",
  path: "/metrics/movements.json",
  summary: "The customers behind a period's MRR movements, with what changed",
  description:
    "The MRR changes of from…to (UTC, inclusive; default this month to today), of one currency and type or all, " +
    "newest first, cursor-paged. `totals` covers the whole selection, so it equals the series' bar.",
  query: movementsQuerySchema,
  response: { status: 200, description: "One page of movements", schema: mrrMovementListResponseSchema },
  errors: reportErrors,
});

/** In the order the document lists them. */
export const revenueOperations = [getMrrSeries, listMrrMovements];

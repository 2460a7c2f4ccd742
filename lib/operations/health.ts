import {
  bookMetricsResponseSchema,
  customerMetricsResponseSchema,
  graphResponseSchema,
} from "../validations/billing-responses";
import { bookMetricsQuerySchema } from "../validations/subscription";
import { customerIdParams, defineOperation } from "./define-operation";

const health = {
  tag: "Health",
  public: true,
  permission: "read",
  method: "GET",
  idempotency: "none",
} as const;

export const getCustomerMetrics = defineOperation({
  ...health,
  operationId: "getCustomerMetrics",
  path: "/customers/{id}/metrics.json",
  summary:
    "MRR/YRR per currency, its breakdown and history of changes, 90 days of daily MRR, risk with evidence",
  params: customerIdParams,
  response: { status: 200, description: "The customer's metrics", schema: customerMetricsResponseSchema },
  errors: { 404: "No such customer" },
});

export const getCustomerGraph = defineOperation({
  ...health,
  operationId: "getCustomerGraph",
  path: "/customers/{id}/graph.json",
  summary: "The customer's relationship graph (nodes and edges)",
  params: customerIdParams,
  response: { status: 200, description: "The graph", schema: graphResponseSchema },
  errors: { 404: "No such customer" },
});

export const getBookMetrics = defineOperation({
  ...health,
  operationId: "getBookMetrics",
  path: "/metrics.json",
  summary: "Per-currency MRR/YRR, customer counts, movements over a period, customers at risk",
  query: bookMetricsQuerySchema,
  report: true,
  response: { status: 200, description: "The book's metrics", schema: bookMetricsResponseSchema },
  errors: {
    422: "Bad period",
    429: "More report requests at once than this key or user may run (Retry-After)",
    503: "The report ran past its time limit, or the report connections are busy (Retry-After)",
  },
});

/** In the order the document lists them. */
export const healthOperations = [getCustomerMetrics, getCustomerGraph, getBookMetrics];

import { infiniteQueryOptions, keepPreviousData, queryOptions } from "@tanstack/react-query";
import { internalCall } from "./api-fetch";
import type { MovementType, MrrMovementList, MrrSeries, SeriesInterval } from "./revenue-types";

/** GET /metrics/mrr.json's query: every currency the book has had when `currency` is absent. */
export interface MrrSeriesParams {
  from: string;
  to: string;
  interval: SeriesInterval;
}

/** One drill-down: the movements of a period in a currency, of one type or all. */
export interface MovementSelection {
  currency: string;
  from: string;
  to: string;
  type?: MovementType;
}

export const DRILL_DOWN_PAGE_SIZE = 25;

export const metricsKeys = {
  series: (params: MrrSeriesParams) => ["metrics", "mrr", params] as const,
  movements: (selection: MovementSelection) => ["metrics", "movements", selection] as const,
};

const search = (query: Record<string, string | number | undefined | null>) =>
  new URLSearchParams(
    Object.entries(query).flatMap(([name, value]) => (value == null ? [] : [[name, String(value)]])),
  ).toString();

export const mrrSeriesQuery = (params: MrrSeriesParams) =>
  queryOptions({
    queryKey: metricsKeys.series(params),
    queryFn: () => internalCall<MrrSeries>(`/metrics/mrr.json?${search({ ...params })}`),
    // Keep the old chart on screen while another range loads, so the page does not jump.
    placeholderData: keepPreviousData,
  });

/** The drill-down's pages, newest first; `totals` is over the whole selection, on every page. */
export const movementsQuery = (selection: MovementSelection) =>
  infiniteQueryOptions({
    queryKey: metricsKeys.movements(selection),
    queryFn: ({ pageParam }) =>
      internalCall<MrrMovementList>(
        `/metrics/movements.json?${search({ ...selection, limit: DRILL_DOWN_PAGE_SIZE, cursor: pageParam })}`,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => (page.has_more ? page.next_cursor : null),
  });

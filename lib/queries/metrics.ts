import * as api from "@donutwork/api-client";
import { infiniteQueryOptions, keepPreviousData, queryOptions } from "@tanstack/react-query";
import { dataOf, fromPages } from "./api-fetch";
import type { MovementType, SeriesInterval } from "./types";

/** GET /metrics/mrr.json's query, every currency at once (the page's currency picker lists them). */
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

export const mrrSeriesQuery = (params: MrrSeriesParams) =>
  queryOptions({
    queryKey: metricsKeys.series(params),
    queryFn: () => dataOf(api.getMrrSeries({ ...fromPages, query: params })),
    // Keep the old chart on screen while another range loads, so the page does not jump.
    placeholderData: keepPreviousData,
  });

/** The drill-down's pages, newest first; `totals` is over the whole selection, on every page. */
export const movementsQuery = (selection: MovementSelection) =>
  infiniteQueryOptions({
    queryKey: metricsKeys.movements(selection),
    queryFn: ({ pageParam }) =>
      dataOf(
        api.listMrrMovements({
          ...fromPages,
          query: { ...selection, limit: DRILL_DOWN_PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => (page.has_more ? page.next_cursor : null),
  });

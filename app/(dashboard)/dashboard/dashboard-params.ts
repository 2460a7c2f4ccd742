import type { SeriesInterval } from "@/lib/queries/types";
import { mrrSeriesQuerySchema, seriesRange } from "@/lib/validations/revenue-query";

/**
 * The dashboard's state lives in the URL in GET /metrics/mrr.json's own parameter names
 * (`currency`, `from`, `to`, `interval`), so a bookmarked view reloads as it was. They are read
 * with the API's own schema; a value it would refuse is not sent: it is dropped (the default
 * takes its place) and the page says which and why, instead of an error where a chart should be.
 */
export interface DashboardParams {
  /** Upper case; null = the book's currency with the most MRR (the page picks it from the series). */
  currency: string | null;
  from: string;
  to: string;
  interval: SeriesInterval;
}

const FIELDS = ["currency", "from", "to", "interval"] as const;
type Field = (typeof FIELDS)[number];

type Search = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim();

/** The URL's parameters as the page uses them (defaults filled in), with a note per value dropped. */
export function readDashboardParams(search: Search): { params: DashboardParams; notes: string[] } {
  const query: Partial<Record<Field, string>> = {};
  for (const field of FIELDS) {
    const value = first(search[field]);
    if (value) query[field] = value;
  }
  const notes: string[] = [];
  for (;;) {
    const parsed = mrrSeriesQuerySchema.safeParse(query);
    if (parsed.success) {
      const { currency, interval } = parsed.data;
      return {
        params: { currency: currency?.toUpperCase() ?? null, ...seriesRange(parsed.data), interval },
        notes,
      };
    }
    const issue = parsed.error.issues[0];
    const named = String(issue?.path[0] ?? "") as Field;
    // A check of the range (from after to, too many points) names a field that may already be
    // at its default; then the start goes, then the end: the defaults together always pass.
    const dropped = FIELDS.find((field) => field === named && query[field]) ?? (query.from ? "from" : "to");
    if (!query[dropped])
      throw new Error(`the series defaults do not pass their own schema: ${issue?.message}`);
    notes.push(
      `Ignored ${dropped}=${query[dropped]}: ${named === dropped ? "" : `${named} `}${issue?.message}.`,
    );
    delete query[dropped];
  }
}

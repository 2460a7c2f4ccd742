import { z } from "zod";
import {
  countPeriods,
  defaultSeriesFrom,
  MOVEMENT_TYPES,
  type MovementType,
  SERIES_INTERVALS,
} from "../metrics";
import { paginationQuery } from "./pagination";
import { isoDate } from "./subscription";

/** A series may have at most this many points (a day series of 2 years and 9 months). */
export const MAX_SERIES_POINTS = 1000;

const currency = z
  .string()
  .regex(/^[A-Za-z]{3}$/, "must be an ISO 4217 code (3 letters)")
  .optional()
  .meta({ description: "ISO 4217, any case; absent: every currency" });

const today = () => new Date().toISOString().slice(0, 10);

/** The series' range: `to` defaults to today, `from` to the first day of the month 23 months before `to`'s. */
export function seriesRange(query: { from?: string; to?: string }) {
  const to = query.to ?? today();
  return { from: query.from ?? defaultSeriesFrom(to), to };
}

/** The drill-down's range: `to` defaults to today, `from` to the first day of `to`'s month. */
export function movementsRange(query: { from?: string; to?: string }) {
  const to = query.to ?? today();
  return { from: query.from ?? `${to.slice(0, 7)}-01`, to };
}

/**
 * The series' range when both given dates are real ones. Zod still runs an object's refinements
 * after a field's own refinement failed ("2026-02-30", "yesterday"), and that field's problem is
 * already reported: a range of it is not checked again (counting its periods would throw).
 */
function realSeriesRange(query: { from?: string; to?: string }) {
  const given = [query.from, query.to].filter((date) => date !== undefined);
  return given.every((date) => isoDate.safeParse(date).success) ? seriesRange(query) : undefined;
}

const fromNotAfterTo = { message: "must not be after `to` (today when absent)", path: ["from"] };

/** GET /metrics/mrr.json. Dates are UTC and inclusive (defaults: seriesRange). */
export const mrrSeriesQuerySchema = z
  .strictObject({
    currency,
    from: isoDate.optional(),
    to: isoDate.optional(),
    interval: z
      .enum(SERIES_INTERVALS, { error: `must be one of: ${SERIES_INTERVALS.join(", ")}` })
      .default("month"),
  })
  .refine((query) => {
    const range = realSeriesRange(query);
    return !range || range.from <= range.to;
  }, fromNotAfterTo)
  .refine(
    (query) => {
      const range = realSeriesRange(query);
      return (
        !range ||
        range.from > range.to ||
        countPeriods(range.from, range.to, query.interval) <= MAX_SERIES_POINTS
      );
    },
    {
      message: `gives more than ${MAX_SERIES_POINTS} points over from…to: choose a longer interval or a shorter range`,
      path: ["interval"],
    },
  );

export type MrrSeriesQuery = z.output<typeof mrrSeriesQuerySchema>;

/** GET /metrics/movements.json: one period's MRR changes, newest first (defaults: movementsRange). */
export const movementsQuerySchema = paginationQuery(25)
  .extend({
    currency,
    from: isoDate.optional(),
    to: isoDate.optional(),
    type: z
      .enum(MOVEMENT_TYPES as [MovementType, ...MovementType[]], {
        error: `must be one of: ${MOVEMENT_TYPES.join(", ")}`,
      })
      .optional(),
  })
  .refine((query) => {
    const { from, to } = movementsRange(query);
    return from <= to;
  }, fromNotAfterTo);

export type MovementsQuery = z.output<typeof movementsQuerySchema>;

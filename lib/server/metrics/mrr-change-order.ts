import { Prisma } from "../../generated/prisma/client";

// The order of a (customer, currency) pair's MRR history rows: effective_at (ms), then id.
const CHANGE_ORDER = "(extract(epoch from effective_at) * 1000)::bigint, id";

/**
 * In a GROUP BY over mrr_snapshots, the earliest row of each group as the array
 * [time, id, ...columns], so `firstChange("mrr") as first` gives its mrr as `first[3]`. min and
 * max over arrays that start with the order pick the row that `order by effective_at, id` puts
 * first or last and, unlike `(array_agg(… order by …))[1]`, hash-aggregate without sorting every
 * row of the period (bench/metrics). The columns must be bigints (cast the others): an array has
 * one type. They are SQL, never input.
 */
export const firstChange = (columns: string) => Prisma.raw(`min(array[${CHANGE_ORDER}, ${columns}])`);

/** The latest row of each group, as `firstChange` gives the earliest. */
export const lastChange = (columns: string) => Prisma.raw(`max(array[${CHANGE_ORDER}, ${columns}])`);

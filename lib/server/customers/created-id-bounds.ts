import { idBoundAt } from "../../ids";

/**
 * How far a customer's id time and its created_at may lie apart. Since create-customer.ts takes
 * created_at from the id's own time they are equal; before that, created_at was read from the
 * clock just before the id was made, so the id's time was the same or a few milliseconds later —
 * later still after the clock stepped back, because lib/ids.ts's monotonic factory keeps the last
 * time it used. An hour covers such a step; at a million customers over two years it is ~60 rows.
 */
export const ID_TIME_MARGIN_MS = 60 * 60 * 1000;

/**
 * Redundant id bounds for a created_at range in the creation order, which is the id's (ULIDs):
 * the primary key walk starts at the range's first possible id instead of walking every newer
 * (or older) customer before the first match (bench/api/README.md: 955 ms at 1,000,000
 * customers). They only narrow the walk: the created_at conditions beside them keep the result
 * exact. A bound on the far end alone is left out: the walk starts at the other end inside the
 * range anyway, and the planner, counting the bound and created_at as two conditions, would
 * think the range a hundred times smaller than it is and trade the walk for a sort (measured:
 * risk_level=high&created_gte 0.6 → 34 ms).
 */
export function createdIdBounds(
  range: { from?: Date; to?: Date },
  direction: "asc" | "desc",
): { lowest?: string; highest?: string } {
  const both = range.from !== undefined && range.to !== undefined;
  return {
    lowest:
      range.from && (both || direction === "asc")
        ? idBoundAt("customer", range.from.getTime() - ID_TIME_MARGIN_MS, "first")
        : undefined,
    highest:
      range.to && (both || direction === "desc")
        ? idBoundAt("customer", range.to.getTime() + ID_TIME_MARGIN_MS, "last")
        : undefined,
  };
}

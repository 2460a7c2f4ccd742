// The MRR series from kept daily figures: each period's movements are the sums of its days', its
// start the running total before it, its end the last kept day's total in it (or its start when
// nothing moved). start + net new = end is not assumed but follows when the kept figures are
// right; the property tests check it against the events.

import { yrrFromMrr } from "./mrr";
import {
  addMovementTotals,
  type DayFigures,
  emptyMovementTotals,
  type MovementTotals,
  netNewMrr,
} from "./mrr-events";
import type { Period } from "./periods";

export interface SeriesPoint {
  periodStart: string;
  periodEnd: string;
  startMrr: number;
  endMrr: number;
  endYrr: number;
  payingCustomers: number;
  movements: MovementTotals;
  netNewMrr: number;
}

/**
 * One currency's points over `periods` (consecutive, oldest first). `days` are that currency's
 * kept days inside the periods, in any order; `before` is the last kept day before the first
 * period (its end figures are the first start), or null when nothing was recorded before.
 */
export function mrrSeries({
  periods,
  days,
  before,
}: {
  periods: readonly Period[];
  days: readonly Pick<DayFigures, "day" | "movements" | "endMrr" | "payingCustomers">[];
  before: Pick<DayFigures, "endMrr" | "payingCustomers"> | null;
}): SeriesPoint[] {
  const sorted = [...days].sort((a, b) => (a.day < b.day ? -1 : 1));
  let mrr = before?.endMrr ?? 0;
  let paying = before?.payingCustomers ?? 0;
  let index = 0;
  return periods.map((period) => {
    const startMrr = mrr;
    const movements = emptyMovementTotals();
    while (index < sorted.length && (sorted[index]?.day ?? "") < period.start) index += 1;
    while (index < sorted.length && (sorted[index]?.day ?? "") <= period.end) {
      const day = sorted[index];
      if (day) {
        addMovementTotals(movements, day.movements);
        mrr = day.endMrr;
        paying = day.payingCustomers;
      }
      index += 1;
    }
    return {
      periodStart: period.start,
      periodEnd: period.end,
      startMrr,
      endMrr: mrr,
      endYrr: yrrFromMrr(mrr),
      payingCustomers: paying,
      movements,
      netNewMrr: netNewMrr(movements),
    };
  });
}

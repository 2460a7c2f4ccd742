import { Prisma } from "../../generated/prisma/client";
import {
  MOVEMENT_TYPES,
  type MovementTotals,
  mrrSeries,
  periodsOf,
  type SeriesInterval,
} from "../../metrics";
import { reportQuery } from "./report-query";

interface DayRow {
  currency: string;
  day: string;
  inside: boolean;
  end_mrr: bigint;
  paying_customers: number;
  counts: number[];
  amounts: bigint[];
}

const COUNTS = Prisma.raw(`array[${MOVEMENT_TYPES.map((type) => `${type}_count`).join(", ")}]`);
const AMOUNTS = Prisma.raw(`array[${MOVEMENT_TYPES.map((type) => `${type}_amount`).join(", ")}]`);

/**
 * The MRR/YRR series per currency from the kept days (mrr_days): the days of [from, to] and,
 * per currency, the last kept day before `from` (the first start), one index range and one
 * index probe per currency; lib/metrics' mrrSeries sums the days into periods. Without
 * `currency`, every currency the book has had.
 */
export async function getMrrSeries({
  currency,
  from,
  to,
  interval,
}: {
  currency?: string;
  from: string;
  to: string;
  interval: SeriesInterval;
}) {
  const onlyCurrency = currency ? Prisma.sql`currency = ${currency}` : Prisma.sql`true`;
  const rows = await reportQuery<DayRow>(Prisma.sql`
    with currencies as (
      select distinct currency from mrr_days where ${onlyCurrency}
    )
    select c.currency, before.day::text as day, false as inside, before.end_mrr, before.paying_customers,
      before.counts, before.amounts
    from currencies c cross join lateral (
      select day, end_mrr, paying_customers, ${COUNTS} as counts, ${AMOUNTS} as amounts from mrr_days d
      where d.currency = c.currency and d.day < ${from}::date order by d.day desc limit 1
    ) before
    union all
    select currency, day::text, true, end_mrr, paying_customers, ${COUNTS}, ${AMOUNTS}
    from mrr_days where ${onlyCurrency} and day >= ${from}::date and day <= ${to}::date`);
  const periods = periodsOf(from, to, interval);
  const currencies = [
    ...new Set([...(currency ? [currency] : []), ...rows.map((row) => row.currency)]),
  ].sort();
  return {
    object: "mrr_series" as const,
    interval,
    from,
    to,
    series: currencies.map((code) => {
      const own = rows.filter((row) => row.currency === code).map(dayFiguresOf);
      const before = own.find((row) => !row.inside) ?? null;
      const points = mrrSeries({ periods, days: own.filter((row) => row.inside), before });
      return {
        currency: code,
        points: points.map((point) => ({
          period_start: point.periodStart,
          period_end: point.periodEnd,
          start_mrr: point.startMrr,
          end_mrr: point.endMrr,
          end_yrr: point.endYrr,
          paying_customers: point.payingCustomers,
          movements: point.movements,
          net_new_mrr: point.netNewMrr,
        })),
      };
    }),
  };
}

function dayFiguresOf(row: DayRow) {
  const movements = Object.fromEntries(
    MOVEMENT_TYPES.map((type, index) => [
      type,
      { count: Number(row.counts[index] ?? 0), amount: Number(row.amounts[index] ?? 0n) },
    ]),
  ) as MovementTotals;
  return {
    day: row.day,
    inside: row.inside,
    movements,
    endMrr: Number(row.end_mrr),
    payingCustomers: row.paying_customers,
  };
}

import { Prisma } from "../../generated/prisma/client";
import { emptyMovementTotals, MOVEMENT_TYPES, type MovementTotals, netNewMrr } from "../../metrics";
import { reportQuery } from "./report-query";

const SUMS = Prisma.raw(
  MOVEMENT_TYPES.map(
    (type) => `sum(${type}_count)::int as ${type}_count, sum(${type}_amount)::bigint as ${type}_amount`,
  ).join(", "),
);

/**
 * The book's MRR movements over [from, to] (UTC days, both included) per currency, by the event
 * rule of lib/metrics (every recorded MRR change is one movement, the same rule as
 * GET /metrics/mrr.json): the sums of the kept days (mrr_days), a few hundred rows at most,
 * whatever the size of the book.
 */
export async function summariseBookMovements({
  from,
  to,
}: {
  from: string;
  to: string;
}): Promise<Record<string, { byType: MovementTotals; netNewMrr: number }>> {
  const rows = await reportQuery<Record<string, string | number | bigint>>(Prisma.sql`
    select currency, ${SUMS} from mrr_days
    where day >= ${from}::date and day <= ${to}::date group by currency`);
  return Object.fromEntries(
    rows.map((row) => {
      const byType = emptyMovementTotals();
      for (const type of MOVEMENT_TYPES) {
        byType[type] = { count: Number(row[`${type}_count`]), amount: Number(row[`${type}_amount`]) };
      }
      return [String(row.currency), { byType, netNewMrr: netNewMrr(byType) }];
    }),
  );
}

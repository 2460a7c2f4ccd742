import { Prisma } from "../../generated/prisma/client";
import { MOVEMENT_TYPES } from "../../metrics";
import type { CurrencyMovementSummary, MovementType } from "../../metrics/types";
import { firstChange, lastChange } from "./mrr-change-order";
import { reportQuery } from "./report-query";

/**
 * MRR movements between `from` and `to`, per currency. Only (customer, currency) pairs with a
 * change row inside the period can have moved, and each row carries the figure it replaced and
 * whether the pair ever had MRR before, so the period's rows alone give each pair's start (the
 * first row's previous figure), end (the last row's figure) and "had MRR before". PostgreSQL
 * classifies and totals them with lib/metrics' rules (classifyMovement), so 100 000 pairs never
 * travel to Node; a database test checks the result against summariseMovements.
 */
export async function summariseBookMovements({
  from,
  to,
}: {
  from: Date;
  to: Date;
}): Promise<Record<string, CurrencyMovementSummary>> {
  const rows = await reportQuery<{ currency: string; type: MovementType; count: number; amount: bigint }>(
    Prisma.sql`
    with pairs as (
      select currency, coalesce(first[3], 0) as start_mrr, last[3] as end_mrr, first[4] = 1 as had_before
      from (
        select currency, ${firstChange("previous_mrr, had_mrr_before::int")} as first,
          ${lastChange("mrr")} as last
        from mrr_snapshots where effective_at >= ${from} and effective_at < ${to}
        group by customer_id, currency
      ) grouped
    ), classified as (
      select currency, abs(end_mrr - start_mrr) as amount,
        case when start_mrr = 0 then case when had_before then 'reactivation' else 'new' end
             when end_mrr = 0 then 'churn'
             when end_mrr > start_mrr then 'expansion' else 'contraction' end as type
      from pairs where start_mrr <> end_mrr
    )
    select currency, type, count(*)::int as count, sum(amount)::bigint as amount
    from classified group by currency, type`,
  );
  const summaries: Record<string, CurrencyMovementSummary> = {};
  for (const row of rows) {
    summaries[row.currency] ??= emptySummary(row.currency);
    const summary = summaries[row.currency] as CurrencyMovementSummary;
    summary.byType[row.type] = { count: row.count, amount: Number(row.amount) };
  }
  for (const summary of Object.values(summaries)) {
    summary.netNewMrr = MOVEMENT_TYPES.reduce(
      (net, type) => net + (GROWTH.has(type) ? 1 : -1) * summary.byType[type].amount,
      0,
    );
  }
  return summaries;
}

const GROWTH = new Set<MovementType>(["new", "reactivation", "expansion"]);

function emptySummary(currency: string): CurrencyMovementSummary {
  const zero = () => ({ count: 0, amount: 0 });
  const byType = { new: zero(), reactivation: zero(), expansion: zero(), contraction: zero(), churn: zero() };
  // Start and end totals are the book's, not the movers'; the endpoint reports totals separately.
  return { currency, startMrr: 0, endMrr: 0, byType, netNewMrr: 0 };
}

import { reportDb } from "../../db";
import { Prisma } from "../../generated/prisma/client";
import {
  CARD_EXPIRING_WITHIN_DAYS,
  MAX_RISK_SCORE,
  MAX_WEIGHTED_FAILED_CHARGES,
  RISK_WEIGHTS,
} from "../../metrics";
import { getCustomerMetrics } from "./get-customer-metrics";
import { firstChange, lastChange } from "./mrr-change-order";
import { reportQuery } from "./report-query";

const DAY_MS = 86_400_000;
// The last day a card (payment method `p`) is valid: the end of its expiry month.
const CARD_LAST_DAY = Prisma.raw(
  "(make_date(p.exp_year, p.exp_month, 1) + interval '1 month' - interval '1 day')::date",
);

/**
 * The N riskiest customers of the book. Scoring 100 000 customers one by one would take seconds,
 * so SQL scores them all at once with lib/metrics' weights (the same rules as `assessRisk`; a
 * database test checks that both agree), and only the top N are then assessed in full by
 * `getCustomerMetrics` for their messages. MRR can only have fallen for customers with a
 * change row in the last 30 days, and that row holds the figure it replaced, so only those
 * rows are read to compare with 30 days ago. Only customers with at least one signal are
 * scored (`candidates`): a score of 0 is never listed, and most of the book has none, so
 * scoring everyone cost half of GET /metrics.json (bench/metrics).
 */
export async function listCustomersAtRisk({ limit, now = new Date() }: { limit: number; now?: Date }) {
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const monthAgo = new Date(now.getTime() - 30 * DAY_MS);
  const riskStart = new Date(now.getTime() - 90 * DAY_MS);
  const w = RISK_WEIGHTS;
  const top = await reportQuery<{ id: string; score: number }>(Prisma.sql`
    with charge_facts as (
      -- Only failed or disputed charges count, so only they are read.
      select customer_id, count(*) filter (where status = 'failed') as failed, bool_or(disputed) as disputed
      from charges where created_at >= ${riskStart} and (status = 'failed' or disputed) group by customer_id
    ), past_due as (
      select distinct customer_id from subscriptions where status = 'past_due'
    ), fell as (
      -- The first change after a month ago holds the figure of a month ago and the last one the
      -- figure now; pairs with no change since then have the same MRR now and cannot have fallen.
      select customer_id, currency from mrr_snapshots where effective_at > ${monthAgo}
      group by customer_id, currency
      having (${lastChange("mrr")})[3] < (${firstChange("previous_mrr")})[3]
    ), currencies as (
      -- Only a fall in the customer's primary currency counts, as in getCustomerMetrics.
      select s.customer_id, s.currency,
        row_number() over (partition by s.customer_id order by sum(s.mrr) desc, max(s.id) desc) as rank
      from subscriptions s where s.customer_id in (select customer_id from fell)
      group by s.customer_id, s.currency
    ), decreased as (
      select c.customer_id from currencies c
      join fell f on f.customer_id = c.customer_id and f.currency = c.currency
      where c.rank = 1
    ), candidates as (
      -- Every customer with a signal: no card, a card expired or expiring, or one of the above.
      select id from customers where default_payment_method_id is null
      union select c.id from payment_methods p join customers c on c.default_payment_method_id = p.id
        where ${CARD_LAST_DAY} - ${today}::date <= ${CARD_EXPIRING_WITHIN_DAYS}::int
      union select customer_id from charge_facts
      union select customer_id from past_due
      union select customer_id from decreased
    )
    select c.id, least(${MAX_RISK_SCORE}::int,
      (case when p.id is null then ${w.no_payment_method}::int
            when ${CARD_LAST_DAY} < ${today}::date then ${w.card_expired}::int
            when ${CARD_LAST_DAY} - ${today}::date <= ${CARD_EXPIRING_WITHIN_DAYS}::int then ${w.card_expiring}::int
            else 0 end)
      + ${w.charge_failed}::int * least(coalesce(f.failed, 0), ${MAX_WEIGHTED_FAILED_CHARGES}::int)::int
      + (case when f.disputed then ${w.charge_disputed}::int else 0 end)
      + (case when pd.customer_id is not null then ${w.past_due}::int else 0 end)
      + (case when d.customer_id is not null then ${w.mrr_decreased}::int else 0 end))::int as score
    from candidates k
    join customers c on c.id = k.id
    left join payment_methods p on p.id = c.default_payment_method_id
    left join charge_facts f on f.customer_id = c.id
    left join past_due pd on pd.customer_id = c.id
    left join decreased d on d.customer_id = c.id
    where c.status <> 'deleted'
    order by score desc, c.id desc
    limit ${limit}`);
  const assessed = await Promise.all(
    top
      .filter((row) => row.score > 0)
      .map(async (row) => {
        const [metrics, customer] = await Promise.all([
          getCustomerMetrics({ customerId: row.id, now, client: reportDb() }),
          reportDb().customer.findUniqueOrThrow({
            where: { id: row.id },
            select: { email: true, companyName: true, externalId: true },
          }),
        ]);
        return {
          customer_id: row.id,
          external_id: customer.externalId,
          company_name: customer.companyName,
          email: customer.email,
          level: metrics.risk.level,
          score: metrics.risk.score,
          signals: metrics.risk.signals,
          currency: metrics.currency,
          mrr: metrics.mrr,
        };
      }),
  );
  return assessed.sort((a, b) => b.score - a.score || (a.customer_id < b.customer_id ? 1 : -1));
}

import type { Tx } from "../../db";
import { Prisma } from "../../generated/prisma/client";
import type { eventEffect } from "../../metrics";

type Effect = ReturnType<typeof eventEffect>;

/**
 * Adds one MRR event to the book's kept figures of its currency and UTC day (mrr_days), in the
 * caller's transaction: its type's count and amount on its day, and its MRR and paying-customer
 * change on the running totals of that day and every later kept day (none, unless a change made
 * just before midnight commits after the next day's first). A transaction-scoped advisory lock
 * per currency orders the writers of a currency, so the day row created from the previous day's
 * totals always sees every committed earlier change. Callers take currencies in sorted order
 * (no deadlock between two customers' changes in two currencies).
 */
export async function recordMrrDay(
  tx: Tx,
  { currency, at, effect }: { currency: string; at: Date; effect: Effect },
) {
  if (!effect.type) return;
  const day = at.toISOString().slice(0, 10);
  const count = Prisma.raw(`${effect.type}_count`);
  const amount = Prisma.raw(`${effect.type}_amount`);
  await tx.$executeRaw`select pg_advisory_xact_lock(hashtextextended(${`mrr_days:${currency}`}, 0))`;
  await tx.$executeRaw`
    insert into mrr_days (currency, day, end_mrr, paying_customers)
    select ${currency}, ${day}::date, coalesce(previous.end_mrr, 0), coalesce(previous.paying_customers, 0)
    from (select 1) as one left join lateral (
      select end_mrr, paying_customers from mrr_days
      where currency = ${currency} and day < ${day}::date order by day desc limit 1
    ) as previous on true
    on conflict (currency, day) do nothing`;
  await tx.$executeRaw`
    update mrr_days set
      ${count} = ${count} + case when day = ${day}::date then 1 else 0 end,
      ${amount} = ${amount} + case when day = ${day}::date then ${effect.amount}::bigint else 0 end,
      end_mrr = end_mrr + ${effect.delta}::bigint,
      paying_customers = paying_customers + ${effect.paying}::int
    where currency = ${currency} and day >= ${day}::date`;
}

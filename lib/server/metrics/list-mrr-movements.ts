import { Prisma } from "../../generated/prisma/client";
import { addDays, MOVEMENT_TYPES, type MovementType } from "../../metrics";
import { decodeCursor, encodeCursor, firstOf } from "../../pagination/cursor";
import { type MrrChangeRow, serializeMrrChange } from "../../serializers/mrr-change";
import { reportQuery } from "./report-query";

interface MovementRow extends MrrChangeRow {
  customerId: string;
  externalId: string;
  email: string;
  companyName: string | null;
}

/**
 * The MRR changes behind a bar of the series: those of [from, to] (UTC days), of one currency
 * and type or all, newest first (time, then id), cursor-paged. With a currency one page is a
 * range of the (currency[, movement], effective_at desc, id desc) index. The totals of the whole
 * selection come from the kept days (mrr_days), the same figures the series adds up, so a page
 * shows what its bar is made of without counting every row.
 */
export async function listMrrMovements({
  currency,
  from,
  to,
  type,
  limit,
  cursor,
}: {
  currency?: string;
  from: string;
  to: string;
  type?: MovementType;
  limit: number;
  cursor?: string;
}) {
  const afterId = decodeCursor(cursor, "serial");
  const start = new Date(`${from}T00:00:00Z`);
  const end = new Date(`${addDays(to, 1)}T00:00:00Z`);
  const conditions = [
    Prisma.sql`s.effective_at >= ${start} and s.effective_at < ${end}`,
    ...(currency ? [Prisma.sql`s.currency = ${currency}`] : []),
    ...(type ? [Prisma.sql`s.movement = ${type}`] : []),
    ...(afterId
      ? [
          Prisma.sql`(s.effective_at, s.id) < (select effective_at, id from mrr_snapshots where id = ${BigInt(afterId)})`,
        ]
      : []),
  ];
  const types = type ? [type] : MOVEMENT_TYPES;
  const sum = (suffix: string) =>
    Prisma.raw(types.map((each) => `coalesce(sum(${each}_${suffix}), 0)`).join(" + "));
  const [rows, [totals]] = await Promise.all([
    reportQuery<MovementRow>(Prisma.sql`
      select s.id, s.effective_at as "effectiveAt", s.currency, s.movement, s.previous_mrr as "previousMrr", s.mrr,
        s.changes, c.id as "customerId", c.external_id as "externalId", c.email, c.company_name as "companyName"
      from mrr_snapshots s join customers c on c.id = s.customer_id
      where ${Prisma.join(conditions, " and ")}
      order by s.effective_at desc, s.id desc
      limit ${limit + 1}`),
    reportQuery<{ count: bigint; amount: bigint }>(Prisma.sql`
      select (${sum("count")})::bigint as count, (${sum("amount")})::bigint as amount from mrr_days
      where day >= ${from}::date and day <= ${to}::date ${currency ? Prisma.sql`and currency = ${currency}` : Prisma.empty}`),
  ]);
  const page = firstOf(rows, limit);
  const last = page.rows.at(-1);
  return {
    object: "list" as const,
    data: page.rows.map((row) => {
      const change = serializeMrrChange(row);
      return {
        object: "mrr_movement" as const,
        ...change,
        amount: Math.abs(change.mrr_after - change.mrr_before),
        customer: {
          id: row.customerId,
          external_id: row.externalId,
          email: row.email,
          company_name: row.companyName,
        },
      };
    }),
    has_more: page.hasMore,
    next_cursor: page.hasMore && last ? encodeCursor(last.id) : null,
    totals: { count: Number(totals?.count ?? 0n), amount: Number(totals?.amount ?? 0n) },
  };
}

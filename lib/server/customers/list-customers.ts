import { pool } from "../../db";
import { firstOf } from "../../pagination/cursor";
import { type CustomerRow, serializeCustomer } from "../../serializers/customer";
import type { ListCustomersQuery } from "../../validations/customer-list-query";
import { decodeCustomerCursor, encodeCustomerCursor } from "./customer-cursor";
import { afterSql, orderBySql, selectionSql } from "./customer-selection";
import { CUSTOMER_ROW_COLUMNS, SqlValues } from "./customer-sql";

type SortedRow = CustomerRow & { sortKey: number | string | null };

/**
 * A page of customers by the filters and sort (customer-selection.ts), by cursor. Deleted
 * customers appear only with status=deleted. `q` is a case-insensitive substring match, served
 * for emails and company names by the init migration's trigram indexes and for external ids by
 * the 6-character windows of the external_id_search migration; the id order is served by the
 * primary key (see bench/results/explain-*.txt).
 */
export function listCustomersStatement(query: ListCustomersQuery): { text: string; values: unknown[] } {
  const values = new SqlValues();
  const selection = selectionSql(query, values);
  const after = decodeCustomerCursor(query.cursor, query.sort);
  const conditions = after
    ? [...selection.conditions, afterSql(selection, after, values)]
    : selection.conditions;
  const text = `select ${CUSTOMER_ROW_COLUMNS}, ${selection.sortKey ?? "null"} as "sortKey" from ${selection.from}
    where ${conditions.join(" and ")}
    order by ${orderBySql(selection)} limit ${values.add(query.limit + 1)}`;
  return { text, values: values.list };
}

/** How many customers the filters select (`include[]=total_count`), cursor and limit aside. */
export function countCustomersStatement(query: ListCustomersQuery): { text: string; values: unknown[] } {
  const values = new SqlValues();
  const selection = selectionSql(query, values);
  return {
    text: `select count(*)::int as count from ${selection.from} where ${selection.conditions.join(" and ")}`,
    values: values.list,
  };
}

export async function listCustomers(query: ListCustomersQuery) {
  const wantsTotal = query.include?.includes("total_count") ?? false;
  const [{ rows: fetched }, total] = await Promise.all([
    pool().query<SortedRow>(listCustomersStatement(query)),
    wantsTotal ? pool().query<{ count: number }>(countCustomersStatement(query)) : undefined,
  ]);
  const { rows, hasMore } = firstOf(fetched, query.limit);
  const last = rows.at(-1);
  return {
    object: "list" as const,
    data: rows.map(serializeCustomer),
    has_more: hasMore,
    next_cursor:
      hasMore && last
        ? encodeCustomerCursor(query.sort, {
            key: last.sortKey === null ? null : Number(last.sortKey),
            id: last.id,
          })
        : null,
    ...(total ? { total_count: total.rows[0]?.count ?? 0 } : {}),
  };
}

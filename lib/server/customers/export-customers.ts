import { Readable } from "node:stream";
import { stringify } from "csv-stringify/sync";
import { pool } from "../../db";
import type { StreamedBody } from "../../operations/define-operation";
import { type CustomerRow, serializeCustomer } from "../../serializers/customer";
import { csvColumns, csvRecord } from "../../serializers/customer-csv";
import type { CustomerExportQuery } from "../../validations/customer-list-query";
import { afterSql, orderBySql, selectionSql } from "./customer-selection";
import { CUSTOMER_ROW_COLUMNS, SqlValues } from "./customer-sql";

/** Rows per query: a batch is read only when the caller has taken the one before it. */
export const EXPORT_BATCH_SIZE = 1000;

type SortedRow = CustomerRow & { sortKey: number | string | null };

/**
 * GET /customers.csv: every customer the filters select, in the list's order, as CSV. The
 * header comes first (the currencies and property keys present among the rows, read up front),
 * then keyset batches of EXPORT_BATCH_SIZE, pulled as the caller reads: never the whole result
 * in memory, and a slow reader holds no connection between batches.
 */
export async function exportCustomers(query: CustomerExportQuery): Promise<StreamedBody> {
  const columns = await exportColumns(query);
  async function* lines() {
    yield stringify([columns.header]);
    let after: { key: number | null; id: string } | undefined;
    for (;;) {
      const rows = await batch(query, after);
      if (rows.length > 0) yield stringify(rows.map((row) => csvRecord(serializeCustomer(row), columns)));
      const last = rows.at(-1);
      if (!last || rows.length < EXPORT_BATCH_SIZE) return;
      after = { key: last.sortKey === null ? null : Number(last.sortKey), id: last.id };
    }
  }
  const stamp = new Date().toISOString().slice(0, 10);
  return {
    stream: Readable.toWeb(Readable.from(lines(), { objectMode: false })) as ReadableStream<Uint8Array>,
    filename: `customers-${stamp}.csv`,
  };
}

async function batch(query: CustomerExportQuery, after: { key: number | null; id: string } | undefined) {
  const values = new SqlValues();
  const selection = selectionSql(query, values);
  const conditions = after
    ? [...selection.conditions, afterSql(selection, after, values)]
    : selection.conditions;
  const { rows } = await pool().query<SortedRow>(
    `select ${CUSTOMER_ROW_COLUMNS}, ${selection.sortKey ?? "null"} as "sortKey" from ${selection.from}
     where ${conditions.join(" and ")} order by ${orderBySql(selection)} limit ${values.add(EXPORT_BATCH_SIZE)}`,
    values.list,
  );
  return rows;
}

/** The currencies and property keys among the selected customers: one column each. */
async function exportColumns(query: CustomerExportQuery) {
  const values = new SqlValues();
  const selection = selectionSql(query, values);
  const selected = `select c.id from ${selection.from} where ${selection.conditions.join(" and ")}`;
  const { rows } = await pool().query<{ kind: "currency" | "key"; name: string }>(
    `select distinct 'currency' as kind, m.currency as name from customer_mrr m where m.customer_id in (${selected})
     union select distinct 'key', p.key from customer_properties p where p.customer_id in (${selected})
     order by 1, 2`,
    values.list,
  );
  return csvColumns(
    rows.filter((row) => row.kind === "currency").map((row) => row.name),
    rows.filter((row) => row.kind === "key").map((row) => row.name),
  );
}

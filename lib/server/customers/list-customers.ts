import { pool } from "../../db";
import { decodeCursor, page } from "../../pagination/cursor";
import { type CustomerRow, serializeCustomer } from "../../serializers/customer";
import type { ListCustomersQuery } from "../../validations/customer";
import { CUSTOMER_FROM, CUSTOMER_ROW_COLUMNS, customerSearchCondition, SqlValues } from "./customer-sql";

/**
 * Newest first (or oldest first), by cursor. Deleted customers appear only when asked for with
 * status=deleted. `q` is a case-insensitive substring match, served for emails and company names
 * by the init migration's trigram indexes and for external ids by the 6-character windows of the
 * external_id_search migration (ILIKE decides, the windows only find the candidates); the id order
 * is served by the primary key (see bench/results/explain-*.txt).
 */
export function listCustomersStatement(query: ListCustomersQuery): { text: string; values: unknown[] } {
  const values = new SqlValues();
  const cursorId = decodeCursor(query.cursor, "customer");
  const conditions = [
    query.status ? `c.status = ${values.add(query.status)}` : `c.status in ('active', 'suspended')`,
  ];
  if (query.external_id !== undefined) conditions.push(`c.external_id = ${values.add(query.external_id)}`);
  if (query.q !== undefined) {
    // A substring, not a pattern: LIKE's wildcards and its escape character are taken literally.
    const pattern = values.add(`%${query.q.replace(/[\\%_]/g, (char) => `\\${char}`)}%`);
    conditions.push(customerSearchCondition(pattern, values.add(query.q)));
  }
  const oldestFirst = query.order === "oldest";
  if (cursorId) conditions.push(`c.id ${oldestFirst ? ">" : "<"} ${values.add(cursorId)}`);
  const text = `select ${CUSTOMER_ROW_COLUMNS} from ${CUSTOMER_FROM}
    where ${conditions.join(" and ")}
    order by c.id ${oldestFirst ? "asc" : "desc"} limit ${values.add(query.limit + 1)}`;
  return { text, values: values.list };
}

export async function listCustomers(query: ListCustomersQuery) {
  const { rows } = await pool().query<CustomerRow>(listCustomersStatement(query));
  return page(rows, query.limit, serializeCustomer);
}

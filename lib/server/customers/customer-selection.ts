import type { CustomerSelection } from "../../validations/customer-list-query";
import { createdIdBounds } from "./created-id-bounds";
import { CUSTOMER_FROM, customerSearchCondition, type SqlValues } from "./customer-sql";
import { propertyConditions } from "./property-conditions";

/**
 * The customers a list or an export selects, as SQL over CUSTOMER_FROM: the joins the filters
 * need, the conditions, and the sort. Shared by GET /customers.json and GET /customers.csv, so
 * the export's rows are exactly the list's (the spec compares the export with total_count).
 */
export interface SelectionSql {
  from: string;
  conditions: string[];
  /** The sort key's expression; null for the creation order, which is the id's (ULIDs). */
  sortKey: string | null;
  direction: "asc" | "desc";
}

export function selectionSql(selection: CustomerSelection, values: SqlValues): SelectionSql {
  const conditions = [
    selection.status ? `c.status = ${values.add(selection.status)}` : `c.status in ('active', 'suspended')`,
  ];
  // With a currency, its customer_mrr row joins (and is required): the MRR bounds and sort read it.
  const from = selection.currency
    ? `${CUSTOMER_FROM} join customer_mrr cm on cm.customer_id = c.id and cm.currency = ${values.add(selection.currency)}`
    : CUSTOMER_FROM;
  const add = (condition: string | false) => condition && conditions.push(condition);
  add(selection.external_id !== undefined && `c.external_id = ${values.add(selection.external_id)}`);
  if (selection.q !== undefined) {
    // A substring, not a pattern: LIKE's wildcards and its escape character are taken literally.
    const pattern = values.add(`%${selection.q.replace(/[\\%_]/g, (char) => `\\${char}`)}%`);
    conditions.push(customerSearchCondition(pattern, values.add(selection.q)));
  }
  // A customer whose figures are not kept yet counts as low risk without a card (the JSON says the
  // same). The other values are plain conditions on the kept row, without coalesce(): a strict
  // condition on f turns its left join into a join, so the planner reads its statistics and its
  // (risk_level, customer_id) index; through coalesce() it walked every customer (bench/api/README.md).
  // With a currency, the level is read from the joined customer_mrr row, which keeps it (written
  // with customer_financials' by refresh-customer-financials.ts): its (currency, risk_level, mrr)
  // index then walks only that level's MRR order, where walking the currency's whole MRR order and
  // probing each kept row for a rare level took 600 ms at 1,000,000 (bench/api/README.md).
  add(
    selection.risk_level !== undefined &&
      selection.currency !== undefined &&
      `cm.risk_level = ${values.add(selection.risk_level)}`,
  );
  add(
    selection.risk_level !== undefined &&
      selection.currency === undefined &&
      (selection.risk_level === "low"
        ? `(f.risk_level = 'low' or f.customer_id is null)`
        : `f.risk_level = ${values.add(selection.risk_level)}`),
  );
  add(
    selection.has_payment_method !== undefined &&
      (selection.has_payment_method ? "f.has_payment_method" : "f.has_payment_method is not true"),
  );
  // The default card's last valid day is today or within the next 30 days (UTC), not yet past.
  add(
    selection.card_expiring === true &&
      `f.card_expires_on between (now() at time zone 'utc')::date and (now() at time zone 'utc')::date + 30`,
  );
  add(selection.country !== undefined && `c.address_country = ${values.add(selection.country)}`);
  add(selection.mrr_gte !== undefined && `cm.mrr >= ${values.add(selection.mrr_gte)}::bigint`);
  add(selection.mrr_lte !== undefined && `cm.mrr <= ${values.add(selection.mrr_lte)}::bigint`);
  add(selection.created_gte !== undefined && `c.created_at >= ${values.add(selection.created_gte)}`);
  add(selection.created_lte !== undefined && `c.created_at <= ${values.add(selection.created_lte)}`);
  if (selection.sort === "created") {
    const ids = createdIdBounds({ from: selection.created_gte, to: selection.created_lte }, selection.order);
    add(ids.lowest !== undefined && `c.id >= ${values.add(ids.lowest)}`);
    add(ids.highest !== undefined && `c.id <= ${values.add(ids.highest)}`);
  }
  conditions.push(...propertyConditions(selection.properties ?? {}, values));
  // The risk order is the kept figures' (risk_score, customer_id) index, read from the kept row
  // itself: customers whose figures are not kept yet (only while the start-up back-fill runs after
  // an upgrade; a new customer's row is written with it) join that order once they are.
  if (selection.sort === "risk_score") conditions.push("f.customer_id is not null");
  const sortKey =
    selection.sort === "mrr" ? "cm.mrr" : selection.sort === "risk_score" ? "f.risk_score" : null;
  return { from, conditions, sortKey, direction: selection.order };
}

/** ORDER BY for the selection: its sort key, then the id, so ties keep one order. */
export function orderBySql({ sortKey, direction }: SelectionSql): string {
  return sortKey ? `${sortKey} ${direction}, c.id ${direction}` : `c.id ${direction}`;
}

/** The rows after a page's last one, by (sort key, id): a boundary inside a tie stays put. */
export function afterSql(
  { sortKey, direction }: SelectionSql,
  after: { key: number | null; id: string },
  values: SqlValues,
): string {
  const comparison = direction === "desc" ? "<" : ">";
  if (sortKey === null || after.key === null) return `c.id ${comparison} ${values.add(after.id)}`;
  return `(${sortKey}, c.id) ${comparison} (${values.add(after.key)}::bigint, ${values.add(after.id)})`;
}

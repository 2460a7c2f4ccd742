import { customerColumns } from "../../serializers/customer";

// The customer hot paths (create, list) run as plain SQL on the shared pool: through Prisma a
// list cost ~1.8 ms of CPU against ~0.3 ms for the same query in `pg` (bench/api/README.md).
// These fragments give exactly the CustomerRow the serializer takes, so the JSON stays one shape.

/**
 * `c` is the customer and `f` its kept figures (customer_financials), left-joined for the
 * filters and sorts that read them: one statement gives a whole page, no query per row.
 */
export const CUSTOMER_FROM = `customers c
  left join customer_financials f on f.customer_id = c.id`;

// Prisma's fields are the columns in camelCase (externalId is external_id), so the SELECT list
// follows the serializer's own customerColumns instead of repeating it.
const columnOf = (field: string) => field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

export const CUSTOMER_ROW_COLUMNS = [
  ...Object.keys(customerColumns).map((field) => `c.${columnOf(field)} as "${field}"`),
  // The default card per row, by its primary key. As a left join the planner could put a Memoize
  // in front of it, sized for every customer it might read rather than the page's 21: 4.7 of the
  // first page's 5.3 ms in one EXPLAIN (bench/api/README.md).
  `(select json_build_object(
    'id', pm.id, 'brand', pm.brand, 'last4', pm.last4, 'expMonth', pm.exp_month, 'expYear', pm.exp_year
  ) from payment_methods pm where pm.id = c.default_payment_method_id) as "defaultPaymentMethod"`,
  `case when f.customer_id is null then null else json_build_object(
    'riskLevel', f.risk_level, 'riskScore', f.risk_score
  ) end as "financials"`,
  // customer_mrr's primary key (customer_id, currency) serves this per row, inside the one statement.
  `coalesce((select json_agg(json_build_object('currency', m.currency, 'mrr', m.mrr) order by m.currency)
    from customer_mrr m where m.customer_id = c.id), '[]') as "currentMrr"`,
].join(", ");

/** Collects positional parameters: `values.add(x)` returns `$n` for use in the SQL text. */
export class SqlValues {
  readonly list: unknown[] = [];
  add(value: unknown): string {
    this.list.push(value);
    return `$${this.list.length}`;
  }
}

/**
 * `q` over customers aliased `c`: `pattern` is the ILIKE pattern's placeholder, `term` the raw
 * term's. The external id's windows only find candidates; its ILIKE decides. Shared with the
 * benchmark's floor server, which must run the same query.
 */
export function customerSearchCondition(pattern: string, term: string): string {
  const externalIdWindows = `external_id_grams(c.external_id) @@ external_id_grams_query(${term})`;
  return `(c.email ilike ${pattern} or c.company_name ilike ${pattern} or (c.external_id ilike ${pattern} and ${externalIdWindows}))`;
}

import { type CustomerSelection, NUMBER_LITERAL } from "../../validations/customer-list-query";
import type { SqlValues } from "./customer-sql";

type PropertyFilters = NonNullable<CustomerSelection["properties"]>;

const COMPARISONS = { gt: ">", gte: ">=", lt: "<", lte: "<=" } as const;

/**
 * `properties[key]=value` and `properties[key][gte]=n` as conditions on customer_properties,
 * one `exists` per key, each served by the (key, value_…) indexes of the typed columns.
 * Equality: `true`/`false` match booleans; a number literal matches a number equal to it (or
 * the same text, since "10000" may have been sent as a string); anything else matches text.
 */
export function propertyConditions(filters: PropertyFilters, values: SqlValues): string[] {
  return Object.entries(filters).map(([key, filter]) => {
    const match =
      typeof filter === "string"
        ? equality(filter, values)
        : Object.entries(filter)
            .map(
              ([operator, n]) =>
                `p.value_number ${COMPARISONS[operator as keyof typeof COMPARISONS]} ${values.add(n)}::numeric`,
            )
            .join(" and ") || "p.value_number is not null";
    return `exists (select 1 from customer_properties p where p.customer_id = c.id and p.key = ${values.add(key)} and ${match})`;
  });
}

function equality(value: string, values: SqlValues): string {
  if (value === "true" || value === "false") return `p.value_boolean = ${values.add(value === "true")}`;
  const text = `p.value_text = ${values.add(value)}`;
  return NUMBER_LITERAL.test(value) ? `(p.value_number = ${values.add(value)}::numeric or ${text})` : text;
}

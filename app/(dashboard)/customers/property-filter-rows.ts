import type { ListFilters } from "./list-params";

/** One property filter as the form edits it: `properties[key]=value` or `properties[key][op]=value`. */
export interface PropertyRow {
  key: string;
  operator: "eq" | "gt" | "gte" | "lt" | "lte";
  value: string;
}

export const OPERATOR_OPTIONS = [
  { value: "eq", label: "=" },
  { value: "gt", label: ">" },
  { value: "gte", label: "≥" },
  { value: "lt", label: "<" },
  { value: "lte", label: "≤" },
] as const;

export function propertyRowsOf(properties: ListFilters["properties"]): PropertyRow[] {
  return Object.entries(properties ?? {}).flatMap(([key, filter]): PropertyRow[] =>
    typeof filter === "string"
      ? [{ key, operator: "eq", value: filter }]
      : Object.entries(filter).map(([operator, value]) => ({
          key,
          operator: operator as PropertyRow["operator"],
          value: String(value ?? ""),
        })),
  );
}

/** The rows with a key, as the API's nested `properties` (an equality wins over comparisons of its key). */
export function propertiesOf(rows: PropertyRow[]): ListFilters["properties"] {
  const out: NonNullable<ListFilters["properties"]> = {};
  for (const row of rows) {
    const key = row.key.trim();
    if (!key) continue;
    const current = out[key];
    if (row.operator === "eq") out[key] = row.value;
    else if (typeof current !== "string") out[key] = { ...current, [row.operator]: row.value.trim() };
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

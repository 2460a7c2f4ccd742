import { fieldErrorsOf } from "@/lib/errors/field-errors";
import type { FieldProblem } from "@/lib/queries/api-fetch";
import { type Property, replacePropertiesSchema } from "@/lib/validations/properties";

export type PropertyType = "string" | "number" | "boolean";

/** One editable row. Values are edited as text and typed on the way out. */
export interface PropertyRow {
  rowId: string;
  key: string;
  type: PropertyType;
  value: string;
}

let nextRowId = 0;
const rowId = () => `row-${++nextRowId}`;

export function rowsOf(properties: Property[]): PropertyRow[] {
  return properties.map((property) => ({
    rowId: rowId(),
    key: property.key,
    type: typeof property.value as PropertyType,
    value: String(property.value),
  }));
}

export const emptyRow = (): PropertyRow => ({ rowId: rowId(), key: "", type: "string", value: "" });

function typedValue(row: PropertyRow): string | number | boolean {
  if (row.type === "boolean") return row.value === "true";
  if (row.type === "number") return row.value.trim() === "" ? Number.NaN : Number(row.value);
  return row.value;
}

export const propertiesOf = (rows: PropertyRow[]): Property[] =>
  rows.map((row) => ({ key: row.key.trim(), value: typedValue(row) }));

/** Row errors keyed as the API names them (`properties[2].key`), from the API's own schema. */
export function validateRows(rows: PropertyRow[]): FieldProblem[] {
  const numberProblems = rows.flatMap((row, index) =>
    row.type === "number" && !Number.isFinite(typedValue(row))
      ? [{ field: `properties[${index}].value`, message: "must be a number" }]
      : [],
  );
  const result = replacePropertiesSchema.safeParse({ properties: propertiesOf(rows) });
  const schemaProblems = result.success ? [] : fieldErrorsOf(result.error);
  const seen = new Set(numberProblems.map((problem) => problem.field));
  return [...numberProblems, ...schemaProblems.filter((problem) => !seen.has(problem.field))];
}

/** Splits problems into per-row messages and the rest (e.g. "at most 50 pairs"). */
export function problemsByRow(problems: FieldProblem[]) {
  const rows = new Map<number, { key?: string; value?: string }>();
  const general: string[] = [];
  for (const problem of problems) {
    const match = /^properties\[(\d+)\]\.(key|value)$/.exec(problem.field);
    if (!match) {
      general.push(`${problem.field}: ${problem.message}`);
      continue;
    }
    const index = Number(match[1]);
    rows.set(index, { ...rows.get(index), [match[2] as "key" | "value"]: problem.message });
  }
  return { rows, general };
}

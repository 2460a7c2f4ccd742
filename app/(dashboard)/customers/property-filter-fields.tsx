"use client";

import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { OPERATOR_OPTIONS, type PropertyRow } from "./property-filter-rows";

/** The property filters: a key, a comparison and a value per row (`properties[tier]=gold`). */
export function PropertyFilterFields({
  rows,
  onChange,
}: {
  rows: PropertyRow[];
  onChange: (rows: PropertyRow[]) => void;
}) {
  const update = (index: number, change: Partial<PropertyRow>) =>
    onChange(rows.map((row, at) => (at === index ? { ...row, ...change } : row)));
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-slate-700">Properties</legend>
      {rows.map((row, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
        <div key={index} className="flex flex-wrap items-end gap-2">
          <TextField
            label={`Property ${index + 1} key`}
            className="w-44"
            value={row.key}
            onChange={(event) => update(index, { key: event.target.value })}
          />
          <SelectField
            label={`Property ${index + 1} comparison`}
            className="w-24"
            options={OPERATOR_OPTIONS}
            value={row.operator}
            onChange={(event) => update(index, { operator: event.target.value as PropertyRow["operator"] })}
          />
          <TextField
            label={`Property ${index + 1} value`}
            className="w-44"
            value={row.value}
            onChange={(event) => update(index, { value: event.target.value })}
          />
          <Button onClick={() => onChange(rows.filter((_, at) => at !== index))}>Remove</Button>
        </div>
      ))}
      <Button onClick={() => onChange([...rows, { key: "", operator: "eq", value: "" }])}>
        Add property filter
      </Button>
    </fieldset>
  );
}

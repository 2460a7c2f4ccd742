import { ColumnHeaders } from "@/components/ui/column-headers";
import type { PropertyRow as Row } from "./property-draft";
import { PropertyRow } from "./property-row";

/** The key/type/value rows of a customer's properties, for the page's editor and the new-customer form. */
export function PropertyTable({
  rows,
  errors,
  disabled,
  onChange,
}: {
  rows: Row[];
  errors: Map<number, { key?: string; value?: string }>;
  disabled: boolean;
  onChange: (rows: Row[]) => void;
}) {
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">Customer properties</caption>
      <ColumnHeaders
        columns={[
          { label: "Key", className: "w-2/5 pb-1" },
          { label: "Type", className: "w-28 pb-1" },
          { label: "Value", className: "pb-1" },
          { label: "Actions", className: "pb-1", hiddenLabel: true },
        ]}
      />
      <tbody>
        {rows.map((row, index) => (
          <PropertyRow
            key={row.rowId}
            row={row}
            index={index}
            errors={errors.get(index)}
            disabled={disabled}
            onChange={(changed) =>
              onChange(rows.map((candidate) => (candidate.rowId === row.rowId ? changed : candidate)))
            }
            onRemove={() => onChange(rows.filter((candidate) => candidate.rowId !== row.rowId))}
          />
        ))}
      </tbody>
    </table>
  );
}

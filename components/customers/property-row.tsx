import { Button } from "@/components/ui/button";
import type { PropertyType, PropertyRow as Row } from "./property-draft";

const INPUT =
  "block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm disabled:bg-slate-50 aria-invalid:border-rose-500";

/** One key/type/value row; errors are tied to their input for screen readers. */
export function PropertyRow({
  row,
  index,
  errors,
  disabled,
  onChange,
  onRemove,
}: {
  row: Row;
  index: number;
  errors: { key?: string; value?: string } | undefined;
  disabled: boolean;
  onChange: (row: Row) => void;
  onRemove: () => void;
}) {
  const n = index + 1;
  const keyError = `${row.rowId}-key-error`;
  const valueError = `${row.rowId}-value-error`;
  return (
    <tr data-testid="property-row" className="align-top">
      <td className="py-1.5 pr-2">
        <input
          aria-label={`Key ${n}`}
          value={row.key}
          maxLength={40}
          disabled={disabled}
          aria-invalid={errors?.key ? true : undefined}
          aria-describedby={errors?.key ? keyError : undefined}
          onChange={(event) => onChange({ ...row, key: event.target.value })}
          className={`${INPUT} font-mono`}
        />
        {errors?.key ? (
          <p id={keyError} className="mt-1 text-xs text-rose-700">
            {errors.key}
          </p>
        ) : null}
      </td>
      <td className="py-1.5 pr-2">
        <select
          aria-label={`Type ${n}`}
          value={row.type}
          disabled={disabled}
          onChange={(event) => {
            const type = event.target.value as PropertyType;
            onChange({
              ...row,
              type,
              value: type === "boolean" ? "true" : row.type === "boolean" ? "" : row.value,
            });
          }}
          className={INPUT}
        >
          <option value="string">Text</option>
          <option value="number">Number</option>
          <option value="boolean">Yes/no</option>
        </select>
      </td>
      <td className="py-1.5 pr-2">
        {row.type === "boolean" ? (
          <select
            aria-label={`Value ${n}`}
            value={row.value}
            disabled={disabled}
            onChange={(event) => onChange({ ...row, value: event.target.value })}
            className={INPUT}
          >
            <option value="true">true</option>
            <option value="false">false</option>
          </select>
        ) : (
          <input
            aria-label={`Value ${n}`}
            value={row.value}
            inputMode={row.type === "number" ? "decimal" : undefined}
            maxLength={row.type === "string" ? 500 : undefined}
            disabled={disabled}
            aria-invalid={errors?.value ? true : undefined}
            aria-describedby={errors?.value ? valueError : undefined}
            onChange={(event) => onChange({ ...row, value: event.target.value })}
            className={INPUT}
          />
        )}
        {errors?.value ? (
          <p id={valueError} className="mt-1 text-xs text-rose-700">
            {errors.value}
          </p>
        ) : null}
      </td>
      <td className="py-1.5 text-right">
        {disabled ? null : (
          <Button variant="ghost" onClick={onRemove} aria-label={`Remove property ${row.key || n}`}>
            Remove
          </Button>
        )}
      </td>
    </tr>
  );
}

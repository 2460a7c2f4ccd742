import type { AriaAttributes, ReactNode } from "react";

export interface Column {
  label: ReactNode;
  /** Width or padding of this column's header cell. */
  className?: string;
  /** For columns of buttons: named for screen readers, not shown. */
  hiddenLabel?: boolean;
  sort?: AriaAttributes["aria-sort"];
}

/** The header row every staff table shares: small caps labels, `scope="col"`, one cell per column. */
export function ColumnHeaders({ columns, className = "" }: { columns: Column[]; className?: string }) {
  return (
    <thead className={`text-left text-xs font-semibold uppercase tracking-wide text-slate-600 ${className}`}>
      <tr>
        {columns.map((column, index) => (
          <th
            // Columns are fixed per table, so their position is a stable key.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            key={index}
            scope="col"
            className={column.className}
            aria-sort={column.sort}
          >
            {column.hiddenLabel ? <span className="sr-only">{column.label}</span> : column.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}

import type { ReactNode } from "react";

/** The class of a figure's cell in a period table: right-aligned, digits in columns. */
export const FIGURE_CELL = "px-3 py-1.5 text-right tabular-nums";

/**
 * A chart's numbers as a table (for screen readers and copying): a caption, a "Period" column
 * and the chart's own columns; the rows are the caller's, one per period.
 */
export function PeriodTable({
  caption,
  columns,
  children,
}: {
  caption: string;
  columns: readonly string[];
  children: ReactNode;
}) {
  return (
    <div className="max-h-80 overflow-auto rounded-md border border-slate-200">
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="sticky top-0 bg-slate-50 text-xs text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-1.5 text-left">
              Period
            </th>
            {columns.map((column) => (
              <th key={column} scope="col" className={FIGURE_CELL}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}

/** A row's period cell (the row's header). */
export function PeriodCell({ children }: { children: ReactNode }) {
  return (
    <th scope="row" className="px-3 py-1.5 text-left font-normal">
      {children}
    </th>
  );
}

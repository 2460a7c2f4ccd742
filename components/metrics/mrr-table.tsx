import { formatMoney } from "@/lib/format/money";
import type { MrrPoint } from "@/lib/queries/types";
import { DrillButton } from "./drill-button";

const cell = "px-3 py-1.5 text-right tabular-nums";

/** The MRR and YRR chart's numbers: one row per period, its period a button to its movements. */
export function MrrTable({
  points,
  currency,
  caption,
  labelOf,
  onSelect,
}: {
  points: MrrPoint[];
  currency: string;
  caption: string;
  labelOf: (point: MrrPoint) => string;
  onSelect: (point: MrrPoint) => void;
}) {
  const money = (amount: number) => formatMoney(amount, currency);
  return (
    <div className="max-h-80 overflow-auto rounded-md border border-slate-200">
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="sticky top-0 bg-slate-50 text-xs text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-1.5 text-left">
              Period
            </th>
            <th scope="col" className={cell}>
              Start MRR
            </th>
            <th scope="col" className={cell}>
              Net new MRR
            </th>
            <th scope="col" className={cell}>
              End MRR
            </th>
            <th scope="col" className={cell}>
              End YRR
            </th>
            <th scope="col" className={cell}>
              Paying customers
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {points.map((point) => (
            <tr key={point.period_start}>
              <th scope="row" className="px-3 py-1.5 text-left font-normal">
                <DrillButton label={`${labelOf(point)}: show every movement`} onClick={() => onSelect(point)}>
                  {labelOf(point)}
                </DrillButton>
              </th>
              <td className={cell}>{money(point.start_mrr)}</td>
              <td className={cell}>{money(point.net_new_mrr)}</td>
              <td className={cell}>{money(point.end_mrr)}</td>
              <td className={cell}>{money(point.end_yrr)}</td>
              <td className={cell}>{point.paying_customers.toLocaleString("en-US")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import { formatMoney } from "@/lib/format/money";
import type { MrrPoint } from "@/lib/queries/types";
import { DrillButton } from "./drill-button";
import { FIGURE_CELL, PeriodCell, PeriodTable } from "./period-table";

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
    <PeriodTable
      caption={caption}
      columns={["Start MRR", "Net new MRR", "End MRR", "End YRR", "Paying customers"]}
    >
      {points.map((point) => (
        <tr key={point.period_start}>
          <PeriodCell>
            <DrillButton label={`${labelOf(point)}: show every movement`} onClick={() => onSelect(point)}>
              {labelOf(point)}
            </DrillButton>
          </PeriodCell>
          <td className={FIGURE_CELL}>{money(point.start_mrr)}</td>
          <td className={FIGURE_CELL}>{money(point.net_new_mrr)}</td>
          <td className={FIGURE_CELL}>{money(point.end_mrr)}</td>
          <td className={FIGURE_CELL}>{money(point.end_yrr)}</td>
          <td className={FIGURE_CELL}>{point.paying_customers.toLocaleString("en-US")}</td>
        </tr>
      ))}
    </PeriodTable>
  );
}

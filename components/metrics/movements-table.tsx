import { formatMoney } from "@/lib/format/money";
import type { MovementType, MrrPoint } from "@/lib/queries/types";
import { DrillButton } from "./drill-button";
import { MOVEMENT_LABELS, MOVEMENT_TYPES, movementSign } from "./movement-types";
import { FIGURE_CELL, PeriodCell, PeriodTable } from "./period-table";

/**
 * The movements chart's numbers: per period, each type's signed amount and count, a button to
 * that segment's drill-down (the keyboard's way to what a click on the bar opens), and net new.
 */
export function MovementsTable({
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
  onSelect: (point: MrrPoint, type: MovementType) => void;
}) {
  return (
    <PeriodTable
      caption={caption}
      columns={[...MOVEMENT_TYPES.map((type) => MOVEMENT_LABELS[type]), "Net new MRR"]}
    >
      {points.map((point) => (
        <tr key={point.period_start}>
          <PeriodCell>{labelOf(point)}</PeriodCell>
          {MOVEMENT_TYPES.map((type) => {
            const { amount, count } = point.movements[type];
            const text = `${formatMoney(movementSign(type) * amount, currency)} (${count})`;
            return (
              <td key={type} className={FIGURE_CELL} data-movement={type}>
                {count === 0 ? (
                  <span className="text-slate-500">{text}</span>
                ) : (
                  <DrillButton
                    label={`${labelOf(point)}, ${type}: ${text}, show the customers`}
                    onClick={() => onSelect(point, type)}
                  >
                    {text}
                  </DrillButton>
                )}
              </td>
            );
          })}
          <td className={FIGURE_CELL}>{formatMoney(point.net_new_mrr, currency)}</td>
        </tr>
      ))}
    </PeriodTable>
  );
}

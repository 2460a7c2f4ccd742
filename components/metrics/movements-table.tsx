import { formatMoney } from "@/lib/format/money";
import type { MovementType, MrrPoint } from "@/lib/queries/types";
import { DrillButton } from "./drill-button";
import { MOVEMENT_LABELS, MOVEMENT_TYPES, movementSign } from "./movement-types";

const cell = "px-3 py-1.5 text-right tabular-nums";

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
    <div className="max-h-80 overflow-auto rounded-md border border-slate-200">
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="sticky top-0 bg-slate-50 text-xs text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-1.5 text-left">
              Period
            </th>
            {MOVEMENT_TYPES.map((type) => (
              <th key={type} scope="col" className={cell}>
                {MOVEMENT_LABELS[type]}
              </th>
            ))}
            <th scope="col" className={cell}>
              Net new MRR
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {points.map((point) => (
            <tr key={point.period_start}>
              <th scope="row" className="px-3 py-1.5 text-left font-normal">
                {labelOf(point)}
              </th>
              {MOVEMENT_TYPES.map((type) => {
                const { amount, count } = point.movements[type];
                const text = `${formatMoney(movementSign(type) * amount, currency)} (${count})`;
                return (
                  <td key={type} className={cell} data-movement={type}>
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
              <td className={cell}>{formatMoney(point.net_new_mrr, currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

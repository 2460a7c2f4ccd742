"use client";

import {
  Bar,
  BarChart,
  type BarShapeProps,
  CartesianGrid,
  Legend,
  Rectangle,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import {
  MOVEMENT_COLORS,
  MOVEMENT_LABELS,
  MOVEMENT_TYPES,
  movementSign,
} from "@/components/metrics/movement-types";
import { formatMoney } from "@/lib/format/money";
import type { MovementType, MrrPoint } from "@/lib/queries/types";

export interface MovementsChartProps {
  points: MrrPoint[];
  currency: string;
  /** The period's name under its bar (the same as in the table). */
  labelOf: (point: MrrPoint) => string;
  onSelect: (point: MrrPoint, type: MovementType) => void;
}

/** What a segment says to a screen reader and to a test: "Nov 2026, churn: −$49.00 (1)". */
export function segmentLabel(period: string, type: MovementType, point: MrrPoint, currency: string) {
  const { amount, count } = point.movements[type];
  return `${period}, ${type}: ${formatMoney(movementSign(type) * amount, currency)} (${count})`;
}

/**
 * The stacked movements bar chart: new, expansion and reactivation above zero, contraction and
 * churn below it (`stackOffset="sign"` stacks each side from zero). A click on a segment opens
 * its drill-down; the keyboard way to the same is the table under the chart.
 */
export function MovementsChart({ points, currency, labelOf, onSelect }: MovementsChartProps) {
  const data = points.map((point) => ({
    period: labelOf(point),
    ...Object.fromEntries(
      MOVEMENT_TYPES.map((type) => [type, movementSign(type) * point.movements[type].amount]),
    ),
  }));
  const money = (value: unknown) => formatMoney(Number(value), currency);
  return (
    <div className="h-72 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} stackOffset="sign" margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="period" tick={{ fontSize: 12 }} />
          <YAxis allowDecimals={false} tickFormatter={money} tick={{ fontSize: 12 }} width={88} />
          <Tooltip formatter={money} />
          <Legend />
          <ReferenceLine y={0} stroke="#475569" />
          {MOVEMENT_TYPES.map((type) => (
            <Bar
              key={type}
              dataKey={type}
              name={MOVEMENT_LABELS[type]}
              stackId="movements"
              fill={MOVEMENT_COLORS[type]}
              isAnimationActive={false}
              cursor="pointer"
              onClick={(_, index) => {
                const point = points[index];
                if (point) onSelect(point, type);
              }}
              shape={(props: BarShapeProps) => {
                const point = points[props.index];
                if (!point || point.movements[type].amount === 0) return <g />;
                return (
                  // biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: an SVG <g> is not interactive; a named image is what axe and screen readers need (a bare aria-label on <g> is prohibited)
                  <g role="img" aria-label={segmentLabel(labelOf(point), type, point, currency)}>
                    <Rectangle {...props} />
                  </g>
                );
              }}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

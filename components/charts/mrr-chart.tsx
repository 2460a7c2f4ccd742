"use client";

import {
  CartesianGrid,
  type DotItemDotProps,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { formatMoney } from "@/lib/format/money";
import type { MrrPoint } from "@/lib/queries/types";

export interface MrrChartProps {
  points: MrrPoint[];
  currency: string;
  /** Which figure: MRR (end_mrr) or YRR (end_yrr, 12 × MRR). */
  figure: "end_mrr" | "end_yrr";
  labelOf: (point: MrrPoint) => string;
  onSelect: (point: MrrPoint) => void;
}

const NAMES = { end_mrr: "MRR", end_yrr: "YRR" } as const;

/** What a point says to a screen reader and to a test: "Nov 2026, MRR: $1,049.00". */
export const pointLabel = (
  period: string,
  figure: MrrChartProps["figure"],
  value: number,
  currency: string,
) => `${period}, ${NAMES[figure]}: ${formatMoney(value, currency)}`;

/**
 * MRR or YRR at the end of each period. A click on a point opens the drill-down of all its
 * movements; the keyboard way to the same is the table under the chart.
 */
export function MrrChart({ points, currency, figure, labelOf, onSelect }: MrrChartProps) {
  const data = points.map((point) => ({ period: labelOf(point), value: point[figure] }));
  const money = (value: unknown) => formatMoney(Number(value), currency);
  const dot = ({ cx, cy, index }: DotItemDotProps) => {
    const point = points[index];
    if (!point || cx == null || cy == null) return <g key={index} />;
    return (
      // biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: an SVG <g> is not interactive; a named image is what axe needs
      <g
        key={index}
        role="img"
        aria-label={pointLabel(labelOf(point), figure, point[figure], currency)}
        onClick={() => onSelect(point)}
      >
        <circle cx={cx} cy={cy} r={4} fill="#4f46e5" />
      </g>
    );
  };
  return (
    <div className="h-56 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart
          data={data}
          margin={{ top: 8, right: 8, bottom: 0, left: 8 }}
          style={{ cursor: "pointer" }}
        >
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="period" tick={{ fontSize: 12 }} />
          <YAxis allowDecimals={false} tickFormatter={money} tick={{ fontSize: 12 }} width={96} />
          <Tooltip formatter={money} />
          <Line
            type="monotone"
            dataKey="value"
            name={NAMES[figure]}
            stroke="#4f46e5"
            strokeWidth={2}
            dot={dot}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

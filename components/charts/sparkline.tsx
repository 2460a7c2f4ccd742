/**
 * A small inline SVG trend line (no chart package). Values are plotted as they are; the
 * caller gives the accessible description, since a line alone says nothing to a screen reader.
 */
export function Sparkline({
  values,
  label,
  width = 220,
  height = 48,
}: {
  values: number[];
  label: string;
  width?: number;
  height?: number;
}) {
  if (values.length < 2) return <p className="text-xs text-slate-500">Not enough history for a trend yet.</p>;
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const pad = 3;
  const points = values.map((value, index) => {
    const x = pad + (index / (values.length - 1)) * (width - 2 * pad);
    const y = height - pad - ((value - min) / span) * (height - 2 * pad);
    return `${x.toFixed(1)},${y.toFixed(1)}`;
  });
  const rising = (values.at(-1) ?? 0) >= (values[0] ?? 0);
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      className="max-w-full"
    >
      <polyline
        points={`${pad},${height - pad} ${points.join(" ")} ${width - pad},${height - pad}`}
        fill={rising ? "#dcfce7" : "#ffe4e6"}
        stroke="none"
      />
      <polyline
        points={points.join(" ")}
        fill="none"
        stroke={rising ? "#16a34a" : "#e11d48"}
        strokeWidth="2"
        strokeLinejoin="round"
      />
    </svg>
  );
}

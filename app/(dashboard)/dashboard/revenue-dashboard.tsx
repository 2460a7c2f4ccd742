"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { MovementsChart } from "@/components/charts/movements-chart";
import { MrrChart } from "@/components/charts/mrr-chart";
import { type DrillDown, DrillDownDialog } from "@/components/metrics/drill-down-dialog";
import { MovementsTable } from "@/components/metrics/movements-table";
import { MrrTable } from "@/components/metrics/mrr-table";
import { periodLabel, periodRange } from "@/components/metrics/period-label";
import { QueryState } from "@/components/ui/query-state";
import { Section } from "@/components/ui/section";
import { formatMoney } from "@/lib/format/money";
import { mrrSeriesQuery } from "@/lib/queries/metrics";
import type { MovementType, MrrPoint, MrrSeries } from "@/lib/queries/types";
import type { DashboardParams } from "./dashboard-params";
import { RangeControls } from "./range-controls";

/** The URL's currency when the book has had it; otherwise the one with the most MRR at the end. */
function chooseSeries(all: MrrSeries["series"], wanted: string | null) {
  const byEndMrr = [...all].sort((a, b) => (b.points.at(-1)?.end_mrr ?? 0) - (a.points.at(-1)?.end_mrr ?? 0));
  const found = wanted ? all.find((entry) => entry.currency === wanted) : undefined;
  return { chosen: found ?? byEndMrr[0], missing: wanted && !found ? wanted : null };
}

function Notes({ notes }: { notes: string[] }) {
  if (notes.length === 0) return null;
  return (
    <ul role="status" aria-label="Range notes" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
      {notes.map((note) => (
        <li key={note}>{note}</li>
      ))}
    </ul>
  );
}

function SeriesView({ data, params, notes }: { data: MrrSeries; params: DashboardParams; notes: string[] }) {
  const [drillDown, setDrillDown] = useState<DrillDown | null>(null);
  const { chosen, missing } = chooseSeries(data.series, params.currency);
  const allNotes = missing
    ? [...notes, `The book has never had MRR in ${missing}; showing ${chosen?.currency ?? "nothing"}.`]
    : notes;
  if (!chosen) {
    return (
      <>
        <RangeControls params={params} currency={null} currencies={[]} />
        <Notes notes={allNotes} />
        <Section title="Revenue over time">
          <p className="text-sm text-slate-600">No recurring revenue in any currency yet.</p>
        </Section>
      </>
    );
  }
  const { currency, points } = chosen;
  const labelOf = (point: MrrPoint) => periodLabel(point.period_start, data.interval);
  const open = (point: MrrPoint, type?: MovementType) =>
    setDrillDown({ currency, from: point.period_start, to: point.period_end, type, period: labelOf(point) });
  const range = `${periodRange(data.from, data.to)}, by ${data.interval}`;
  const last = points.at(-1);
  return (
    <>
      <RangeControls
        params={params}
        currency={currency}
        currencies={data.series.map((entry) => entry.currency)}
      />
      <Notes notes={allNotes} />
      <Section title="Revenue over time">
        {last ? (
          <dl className="mb-4 flex flex-wrap gap-8">
            <div>
              <dt className="text-xs text-slate-600">
                MRR on {periodRange(last.period_end, last.period_end)}
              </dt>
              <dd className="text-2xl font-semibold" data-testid="series-mrr">
                {formatMoney(last.end_mrr, currency)}
              </dd>
            </div>
            <div>
              <dt className="text-xs text-slate-600">YRR</dt>
              <dd className="text-2xl font-semibold" data-testid="series-yrr">
                {formatMoney(last.end_yrr, currency)}
              </dd>
            </div>
          </dl>
        ) : null}
        <div className="grid gap-4 lg:grid-cols-2">
          {(["end_mrr", "end_yrr"] as const).map((figure) => (
            <figure key={figure} aria-label={`${currency} ${figure === "end_mrr" ? "MRR" : "YRR"} chart`}>
              <figcaption className="text-xs font-semibold uppercase tracking-wide text-slate-600">
                {figure === "end_mrr" ? "MRR" : "YRR"} at the end of each {data.interval}
              </figcaption>
              <MrrChart
                points={points}
                currency={currency}
                figure={figure}
                labelOf={labelOf}
                onSelect={open}
              />
            </figure>
          ))}
        </div>
        <MrrTable
          points={points}
          currency={currency}
          caption={`${currency} MRR and YRR, ${range}`}
          labelOf={labelOf}
          onSelect={open}
        />
      </Section>
      <Section title="MRR movements">
        <figure aria-label={`${currency} movements chart`}>
          <MovementsChart points={points} currency={currency} labelOf={labelOf} onSelect={open} />
        </figure>
        <MovementsTable
          points={points}
          currency={currency}
          caption={`${currency} MRR movements, ${range}`}
          labelOf={labelOf}
          onSelect={open}
        />
      </Section>
      <DrillDownDialog selection={drillDown} onClose={() => setDrillDown(null)} />
    </>
  );
}

/** MRR, YRR and movements over time (GET /metrics/mrr.json), with the customers behind each bar. */
export function RevenueDashboard({ params, notes }: { params: DashboardParams; notes: string[] }) {
  const series = useQuery(mrrSeriesQuery({ from: params.from, to: params.to, interval: params.interval }));
  return (
    <QueryState query={series} what="the revenue series">
      {(data) => <SeriesView data={data} params={params} notes={notes} />}
    </QueryState>
  );
}

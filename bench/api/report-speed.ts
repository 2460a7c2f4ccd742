import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { bookMetricsGoalMs } from "./book-metrics-load";
import { EXPORT_RSS_GROWTH_GOAL_MB, EXPORT_SECONDS_GOAL, type ExportFigures } from "./export-load";
import { type FilterFigures, SINGLE_P95_GOAL_MS, THROUGHPUT_GOAL } from "./filter-load";
import type { LoadResult } from "./load";
import { pad } from "./report";

export interface SpeedResults {
  customers: number;
  startedAt: string;
  machine: { cpus: number; node: string; loadBefore: number[]; loadAfter: number[] };
  seconds: number;
  filters: FilterFigures[];
  export?: ExportFigures & { expectedRows: number; loadAverage: number };
  bookMetrics?: LoadResult & { loadAverage: number };
}

export function formatFilters(filters: FilterFigures[], connections: number): string {
  const header = `${"scenario".padEnd(66)} | 1 client p50    p95 | ${pad(`${connections} conn r/s`, 12)}  ÷first |  sql | load | goals`;
  const rows = filters.map((row) => {
    const missed = [
      row.single.p95 >= SINGLE_P95_GOAL_MS && `p95 ≥ ${SINGLE_P95_GOAL_MS}`,
      row.ofFirstPage < THROUGHPUT_GOAL && "r/s < ½ first page",
      row.single.errors + row.loaded.errors > 0 && `${row.single.errors + row.loaded.errors} errors`,
    ].filter(Boolean);
    return `${row.scenario.slice(0, 66).padEnd(66)} | ${pad(row.single.p50, 12)} ${pad(row.single.p95, 6)} | ${pad(row.loaded.rps, 12)} ${pad(row.ofFirstPage.toFixed(2), 7)} | ${pad(row.statementsPerRequest ?? "-", 4)} | ${pad(row.loadAverage.toFixed(1), 4)} | ${missed.join(", ") || "met"}`;
  });
  return [header, ...rows].join("\n");
}

export function formatExport(figures: NonNullable<SpeedResults["export"]>): string {
  const met =
    figures.seconds < EXPORT_SECONDS_GOAL &&
    figures.rssGrowthMb < EXPORT_RSS_GROWTH_GOAL_MB &&
    figures.rows === figures.expectedRows;
  return `GET /customers.csv: ${figures.status}, ${figures.rows} rows (list total ${figures.expectedRows}), ${figures.megabytes} MB in ${figures.seconds} s; app RSS ${figures.rssBeforeMb} → peak ${figures.rssPeakMb} MB (+${figures.rssGrowthMb}), ${figures.rssAfterMb} MB after; load ${figures.loadAverage}  ${met ? "goals met" : "GOAL MISSED"}`;
}

export function formatBookMetrics(
  customers: number,
  figures: NonNullable<SpeedResults["bookMetrics"]>,
): string {
  const goal = bookMetricsGoalMs(customers);
  return `GET /metrics.json, 1 client: ${figures.requests} requests, p50 ${figures.p50} p95 ${figures.p95} max ${figures.max} ms, ${figures.errors} errors; load ${figures.loadAverage}  ${figures.p95 < goal && figures.errors === 0 ? "goal met" : "GOAL MISSED"} (p95 < ${goal} ms)`;
}

export function writeSpeedResults(results: SpeedResults): string {
  const directory = path.resolve("bench/results");
  mkdirSync(directory, { recursive: true });
  const file = path.join(directory, `speed-${results.customers}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  return file;
}

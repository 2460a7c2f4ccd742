import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { PlanSummary } from "./explain";
import type { LoadResult } from "./load";
import type { StatementUse } from "./statements";

export interface Phase {
  endpoint: string;
  target: "app" | "floor";
  run: number;
  result: LoadResult;
  statementsPerRequest?: number;
  statements?: StatementUse[];
  /** CPU ms per request of the serving processes (app: launcher + Next.js; floor: its process). */
  cpuMsPerRequest?: number;
}

export interface BenchResults {
  customers: number;
  startedAt: string;
  machine: { cpus: number; node: string; loadBefore: number[]; loadAfter: number[] };
  seed: { inserted: number; seconds: number; billingTables: string[] };
  memory: {
    beforeMb: number;
    peakMb: number;
    afterMb: number;
    processes: { command: string; rssMb: number }[];
  };
  phases: Phase[];
  explain: PlanSummary[];
}

const RESULTS = path.resolve("bench/results");
// The goals the API is held to: at least this share of the floor's throughput, and p99 under
// this many ms (bench/api/README.md has the figures).
const MIN_RATIO = 0.35;
const MAX_P99_MS = 50;

const pad = (value: string | number, width: number) => String(value).padStart(width);

/** The results table, one line per endpoint and run, app beside floor. */
export function formatTable(results: BenchResults): string {
  const lines = [
    `${"endpoint".padEnd(34)} run | ${pad("app r/s", 8)} ${pad("p50", 6)} ${pad("p95", 6)} ${pad("p99", 6)} ${pad("err", 5)} ${pad("sql/req", 7)} ${pad("cpu/req", 7)} | ${pad("floor r/s", 9)} ${pad("p50", 6)} ${pad("p95", 6)} ${pad("p99", 6)} ${pad("err", 5)} | ratio  goals`,
  ];
  for (const app of results.phases.filter((phase) => phase.target === "app")) {
    const floor = results.phases.find(
      (phase) => phase.target === "floor" && phase.endpoint === app.endpoint && phase.run === app.run,
    );
    const ratio = floor && floor.result.rps > 0 ? app.result.rps / floor.result.rps : 0;
    const goals = [
      ratio >= MIN_RATIO ? "ratio ok" : `ratio < ${MIN_RATIO}`,
      app.result.p99 < MAX_P99_MS ? "p99 ok" : `p99 ≥ ${MAX_P99_MS}`,
      app.result.errors === 0 ? "" : "ERRORS",
    ]
      .filter(Boolean)
      .join(", ");
    const a = app.result;
    const f = floor?.result;
    lines.push(
      `${app.endpoint.padEnd(34)} ${pad(app.run, 3)} | ${pad(a.rps, 8)} ${pad(a.p50, 6)} ${pad(a.p95, 6)} ${pad(a.p99, 6)} ${pad(a.errors, 5)} ${pad(app.statementsPerRequest ?? "-", 7)} ${pad(app.cpuMsPerRequest ?? "-", 7)} | ${pad(f?.rps ?? "-", 9)} ${pad(f?.p50 ?? "-", 6)} ${pad(f?.p95 ?? "-", 6)} ${pad(f?.p99 ?? "-", 6)} ${pad(f?.errors ?? "-", 5)} | ${ratio.toFixed(2)}   ${goals}`,
    );
  }
  lines.push(
    "(latencies in ms; sql/req = statements the request path ran, from pg_stat_statements; cpu/req = CPU ms per request of the app's processes)",
  );
  return lines.join("\n");
}

export function formatPlans(plans: PlanSummary[]): string {
  return plans
    .map(
      (plan) =>
        `${`${plan.scenario} #${plan.statement}`.padEnd(46)} ${pad(plan.executionMs.toFixed(2), 9)} ms  ${plan.usesIndex ? "index" : "NO INDEX"}: ${plan.access.join(", ")}`,
    )
    .join("\n");
}

/**
 * Compares the best run of each endpoint with the same endpoint in an earlier result at another
 * size (api-100000.json when this run is at 1,000,000): ten times the customers should cost no
more than twice the time, so every figure is held within 2×.
 */
export function formatScaling(results: BenchResults, baselineCustomers: number): string | undefined {
  const file = path.join(RESULTS, `api-${baselineCustomers}.json`);
  if (baselineCustomers === results.customers || !existsSync(file)) return undefined;
  const baseline = JSON.parse(readFileSync(file, "utf8")) as BenchResults;
  const best = (data: BenchResults, endpoint: string) =>
    data.phases
      .filter((phase) => phase.target === "app" && phase.endpoint === endpoint)
      .sort((a, b) => b.result.rps - a.result.rps)[0]?.result;
  const endpoints = [...new Set(results.phases.map((phase) => phase.endpoint))];
  return endpoints
    .map((endpoint) => {
      const now = best(results, endpoint);
      const then = best(baseline, endpoint);
      if (!now || !then) return `${endpoint}: no baseline`;
      const rps = then.rps / Math.max(now.rps, 1);
      const p99 = now.p99 / Math.max(then.p99, 0.01);
      const verdict = rps <= 2 && p99 <= 2 ? "within 2×" : "NOT within 2×";
      return `${endpoint.padEnd(34)} r/s ${then.rps} → ${now.rps} (÷${rps.toFixed(2)}), p99 ${then.p99} → ${now.p99} ms (×${p99.toFixed(2)})  ${verdict}`;
    })
    .join("\n");
}

export function writeResults(results: BenchResults, explainText: string): string[] {
  mkdirSync(RESULTS, { recursive: true });
  const json = path.join(RESULTS, `api-${results.customers}.json`);
  const explain = path.join(RESULTS, `explain-${results.customers}.txt`);
  writeFileSync(json, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(explain, explainText);
  return [json, explain];
}

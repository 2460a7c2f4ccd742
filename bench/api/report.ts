import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { PlanSummary } from "./explain";
import type { LoadResult } from "./load";
import type { StatementUse } from "./statements";

/**
 * What each endpoint is measured on: the app, the framework floor (a bare Next.js route handler
 * running the endpoint's one statement: framework-floor/) and the raw floor (the same statement
 * on plain node:http: floor-server.ts).
 */
export const TARGETS = ["app", "framework", "floor"] as const;
export type Target = (typeof TARGETS)[number];

export interface Phase {
  endpoint: string;
  target: Target;
  run: number;
  result: LoadResult;
  statementsPerRequest?: number;
  statements?: StatementUse[];
  /** CPU ms per request of the serving processes (app: launcher + Next.js; a floor: its process). */
  cpuMsPerRequest?: number;
  /** The machine's 1-minute load average at the end of the measurement. */
  loadAverage?: number;
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
export const pad = (value: string | number, width: number) => String(value).padStart(width);

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
  writeFileSync(json, `${JSON.stringify(results, null, 2)}\n`);
  return [json, writeExplain(results.customers, explainText)];
}

/** bench/results/explain-<customers>.txt: the plans of every list statement explain.ts runs. */
export function writeExplain(customers: number, explainText: string): string {
  mkdirSync(RESULTS, { recursive: true });
  const file = path.join(RESULTS, `explain-${customers}.txt`);
  writeFileSync(file, explainText);
  return file;
}

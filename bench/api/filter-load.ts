import type pg from "pg";
import { type LoadResult, runLoad } from "./load";
import { readStatements, resetStatements, statementsPerRequest } from "./statements";

export interface FilterFigures {
  scenario: string;
  query: string;
  /** One client, one request after the other. */
  single: LoadResult;
  /** 32 connections. */
  loaded: LoadResult;
  /** loaded r/s ÷ the unfiltered first page's loaded r/s (the first scenario's). */
  ofFirstPage: number;
  statementsPerRequest?: number;
  loadAverage: number;
}

export const SINGLE_P95_GOAL_MS = 50;
/** Within 2× of the first page's throughput. */
export const THROUGHPUT_GOAL = 0.5;

/**
 * Each scenario on the app: a second of warm-up, `seconds` with one client (its p95 is the goal's
 * figure), a second of warm-up at `connections`, then `seconds` at `connections` (its r/s against
 * the first scenario's, which is the unfiltered first page). Statements per request are counted
 * in the loaded measurement when pg_stat_statements is there.
 */
export async function measureFilters(options: {
  port: number;
  headers: Record<string, string>;
  scenarios: [string, string][];
  seconds: number;
  connections: number;
  statements: pg.Client | undefined;
  loadAverage: () => number;
  log: (line: string) => void;
}): Promise<FilterFigures[]> {
  const figures: FilterFigures[] = [];
  for (const [scenario, query] of options.scenarios) {
    const next = () => ({ method: "GET" as const, path: `/customers.json${query ? `?${query}` : ""}` });
    const load = (connections: number, seconds: number) =>
      runLoad({ port: options.port, connections, seconds, headers: options.headers, next });
    await load(1, 1);
    const single = await load(1, options.seconds);
    await load(options.connections, 1);
    if (options.statements) await resetStatements(options.statements);
    const loaded = await load(options.connections, options.seconds);
    const used = options.statements ? await readStatements(options.statements, loaded.requests) : undefined;
    const baseline = figures[0]?.loaded.rps ?? loaded.rps;
    const row: FilterFigures = {
      scenario,
      query,
      single,
      loaded,
      ofFirstPage: Math.round((loaded.rps / Math.max(baseline, 1)) * 100) / 100,
      ...(used ? { statementsPerRequest: statementsPerRequest(used) } : {}),
      loadAverage: options.loadAverage(),
    };
    figures.push(row);
    options.log(
      `${scenario}: 1 client p50 ${single.p50} p95 ${single.p95} ms; ${options.connections} connections ${loaded.rps} r/s (${row.ofFirstPage} of the first page), ${single.errors + loaded.errors} errors${loaded.sampleError || single.sampleError ? ` (${(loaded.sampleError ?? single.sampleError ?? "").slice(0, 160)})` : ""}`,
    );
  }
  return figures;
}

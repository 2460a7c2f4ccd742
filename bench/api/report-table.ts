import { type BenchResults, type Phase, pad, type Target } from "./report";

// The goals (bench/api/README.md): the app at least this share of the framework floor's
// throughput (our own work per request within 1.5× of Next.js's), at least this share of the
// raw floor's, and p99 under this many ms at 32 connections.
const MIN_FRAMEWORK_RATIO = 0.67;
const MIN_RAW_RATIO = 0.35;
const MAX_P99_MS = 50;

const ratioOf = (app: Phase, floor: Phase | undefined) =>
  floor && floor.result.rps > 0 ? app.result.rps / floor.result.rps : 0;

function partnerOf(results: BenchResults, app: Phase, target: Target): Phase | undefined {
  return results.phases.find(
    (phase) => phase.target === target && phase.endpoint === app.endpoint && phase.run === app.run,
  );
}

const served = (phase: Phase | undefined) =>
  `${pad(phase?.result.rps ?? "-", 7)} ${pad(phase?.result.p50 ?? "-", 6)} ${pad(phase?.result.p99 ?? "-", 6)} ${pad(phase?.cpuMsPerRequest ?? "-", 5)}`;

/** The results table: one line per endpoint and run, the app beside both floors. */
export function formatTable(results: BenchResults): string {
  const floorHeader = (name: string) => `${pad(name, 7)} ${pad("p50", 6)} ${pad("p99", 6)} ${pad("cpu", 5)}`;
  const lines = [
    `${"endpoint".padEnd(24)} run | ${floorHeader("app r/s")} ${pad("err", 4)} ${pad("sql", 4)} | ${floorHeader("next")} | ${floorHeader("raw")} | app/next app/raw load  goals`,
  ];
  for (const app of results.phases.filter((phase) => phase.target === "app")) {
    const framework = partnerOf(results, app, "framework");
    const floor = partnerOf(results, app, "floor");
    const toFramework = ratioOf(app, framework);
    const toRaw = ratioOf(app, floor);
    const goals = [
      toFramework >= MIN_FRAMEWORK_RATIO ? "" : `next < ${MIN_FRAMEWORK_RATIO}`,
      toRaw >= MIN_RAW_RATIO ? "" : `raw < ${MIN_RAW_RATIO}`,
      app.result.p99 < MAX_P99_MS ? "" : `p99 ≥ ${MAX_P99_MS}`,
      app.result.errors + (framework?.result.errors ?? 0) + (floor?.result.errors ?? 0) === 0 ? "" : "ERRORS",
    ]
      .filter(Boolean)
      .join(", ");
    lines.push(
      `${app.endpoint.padEnd(24)} ${pad(app.run, 3)} | ${served(app)} ${pad(app.result.errors, 4)} ${pad(app.statementsPerRequest ?? "-", 4)} | ${served(framework)} | ${served(floor)} | ${pad(toFramework.toFixed(2), 8)} ${pad(toRaw.toFixed(2), 7)} ${pad(app.loadAverage?.toFixed(1) ?? "-", 4)}  ${goals || "ok"}`,
    );
  }
  lines.push(
    "(r/s = requests per second; p50/p99 latency in ms; cpu = CPU ms per request of the serving processes; sql = statements per request of the app's request path, from pg_stat_statements; load = 1-minute load average after the app's measurement;",
    ` next = bare Next.js route handler, raw = node:http, both running the endpoint's one statement; goals: app/next ≥ ${MIN_FRAMEWORK_RATIO}, app/raw ≥ ${MIN_RAW_RATIO}, app p99 < ${MAX_P99_MS} ms)`,
  );
  return lines.join("\n");
}

/**
 * Per endpoint over every run: the range of the app's throughput as a share of each floor's, and
 * of its CPU per request as a multiple of the framework floor's.
 */
export function formatRatios(results: BenchResults): string {
  const range = (values: number[], digits: number) =>
    values.length === 0
      ? "-"
      : `${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)}`;
  const endpoints = [...new Set(results.phases.map((phase) => phase.endpoint))];
  return endpoints
    .map((endpoint) => {
      const apps = results.phases.filter((phase) => phase.target === "app" && phase.endpoint === endpoint);
      const toFramework = apps.map((app) => ratioOf(app, partnerOf(results, app, "framework")));
      const toRaw = apps.map((app) => ratioOf(app, partnerOf(results, app, "floor")));
      const cpu = apps.flatMap((app) => {
        const framework = partnerOf(results, app, "framework")?.cpuMsPerRequest;
        return app.cpuMsPerRequest && framework ? [app.cpuMsPerRequest / framework] : [];
      });
      return `${endpoint.padEnd(24)} app/next ${range(toFramework, 2)}, app/raw ${range(toRaw, 2)}, app CPU per request ${range(cpu, 1)}× next's`;
    })
    .join("\n");
}

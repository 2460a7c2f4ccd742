// npx tsx bench/api/run-speed.ts [--customers 100000|1000000] [--duration 3] [--only filters,export,metrics]
//   --prepare: only seed, EXPLAIN, build the app if stale (start it once) and stop, so that a
//   measurement run taken under the shared lock spends its time measuring.
// The list's speed goals (bench/api/README.md) on the app alone: each filter, sort and common combination of
// GET /customers.json (one client's p95, and 32 connections' throughput against the unfiltered
// first page's), GET /customers.csv of every customer (time and the app's RSS growth), and
// GET /metrics.json (one client's p95). EXPLAIN of each list statement as in run.ts. README.md here.
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { countCustomersStatement } from "../../lib/server/customers/list-customers";
import { listCustomersQuerySchema } from "../../lib/validations/customer-list-query";
import { benchAppEnv, startBenchApp } from "./app-process";
import { measureBookMetrics } from "./book-metrics-load";
import { withClient } from "./database";
import { explainListQueries } from "./explain";
import { measureExport } from "./export-load";
import { measureFilters } from "./filter-load";
import { filterScenarios } from "./filter-scenarios";
import { formatPlans, writeExplain } from "./report";
import {
  formatBookMetrics,
  formatExport,
  formatFilters,
  type SpeedResults,
  writeSpeedResults,
} from "./report-speed";
import { openSeededDatabase } from "./seeded-database";

// Not strict: `npm run bench` passes run.ts's options (--repeat, --floor-port, …) here too.
const { values } = parseArgs({
  strict: false,
  options: {
    customers: { type: "string", default: "100000" },
    duration: { type: "string", default: "3" },
    port: { type: "string", default: "3700" },
    only: { type: "string", default: "filters,export,metrics" },
    prepare: { type: "boolean", default: false },
  },
});
const customers = Number(values.customers);
const seconds = Number(values.duration);
const port = Number(values.port);
const only = new Set(values.prepare ? [] : String(values.only).split(","));
const CONNECTIONS = 32;

const log = (line: string) => console.log(`[speed] ${line}`);
const load = () => os.loadavg().map((value) => Math.round(value * 100) / 100);
const startedAt = new Date().toISOString();
const loadBefore = load();
log(
  `${customers} customers, ${seconds} s per measurement, load average ${loadBefore.join(" ")} on ${os.cpus().length} cores`,
);

const { database } = await openSeededDatabase(customers, log);
log("EXPLAIN (ANALYZE, BUFFERS) of the app's list statements, filters included");
const explained = await withClient(database.url, (client) => explainListQueries(client));
const explainFile = writeExplain(customers, explained.text);
const expectedRows = await withClient(database.url, async (client) => {
  const { rows } = await client.query<{ count: number }>(
    countCustomersStatement(listCustomersQuerySchema.parse({})),
  );
  return rows[0]?.count ?? 0;
});

const env = benchAppEnv(port);
log(`starting the app on :${port} (log in bench/results/app-speed-${customers}.log)`);
const app = await startBenchApp(env, path.resolve(`bench/results/app-speed-${customers}.log`));
process.on("SIGINT", () => void app.stop().then(() => database.release().then(() => process.exit(130))));
const headers = { authorization: `Bearer ${app.secret}` };

try {
  const results: SpeedResults = {
    customers,
    startedAt,
    machine: { cpus: os.cpus().length, node: process.version, loadBefore, loadAfter: [] },
    seconds,
    filters: [],
  };
  if (only.has("filters")) {
    results.filters = await withClient(database.url, (client) =>
      measureFilters({
        port,
        headers,
        scenarios: filterScenarios(new Date()),
        seconds,
        connections: CONNECTIONS,
        statements: database.statements ? client : undefined,
        loadAverage: () => load()[0] ?? 0,
        log,
      }),
    );
  }
  if (only.has("metrics")) {
    const figures = await measureBookMetrics({ port, headers, seconds: Math.max(seconds, 10) });
    results.bookMetrics = { ...figures, loadAverage: load()[0] ?? 0 };
    log(formatBookMetrics(customers, results.bookMetrics));
  }
  if (only.has("export")) {
    const figures = await measureExport({ port, headers, appPid: app.child.pid ?? 0 });
    results.export = { ...figures, expectedRows, loadAverage: load()[0] ?? 0 };
    log(formatExport(results.export));
  }
  results.machine.loadAfter = load();
  if (values.prepare) log("prepared: seeded, explained, the app built and started once");
  else report(results);
} finally {
  await app.stop();
  await database.release();
}

function report(results: SpeedResults) {
  const file = writeSpeedResults(results);
  if (results.filters.length > 0) console.log(`\n${formatFilters(results.filters, CONNECTIONS)}\n`);
  if (results.bookMetrics) console.log(formatBookMetrics(customers, results.bookMetrics));
  if (results.export) console.log(formatExport(results.export));
  console.log(`\nload average ${loadBefore.join(" ")} → ${results.machine.loadAfter.join(" ")}\n`);
  console.log(`${formatPlans(explained.plans)}\n`);
  log(`wrote ${[file, explainFile].map((name) => path.relative(process.cwd(), name)).join(", ")}`);
}

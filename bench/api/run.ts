// npx tsx bench/api/run.ts [--customers 100000|1000000] [--duration 10] [--repeat 1]
// The API benchmark: seed, start the app and two floors side by side (a bare Next.js route
// handler and plain node:http, each running the endpoint's one statement), load each endpoint at
// 32 keep-alive connections on all three, compare, EXPLAIN the list queries. See README.md here.
import { mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { benchAppEnv, startBenchApp, startScript, waitForHttp } from "./app-process";
import { removeBenchRows, withClient } from "./database";
import { explainListQueries } from "./explain";
import { COMMON_TERM, RARE_TERM } from "./fake-data";
import { buildFrameworkFloorIfStale, startFrameworkFloor } from "./framework-floor-process";
import { type LoadRequest, runLoad } from "./load";
import { appRss, cpuMs } from "./memory";
import { type BenchResults, formatPlans, formatScaling, type Phase, TARGETS, writeResults } from "./report";
import { formatRatios, formatTable } from "./report-table";
import { commonSearch, customerCreates, firstPage, rareSearch } from "./requests";
import { openSeededDatabase } from "./seeded-database";
import { readStatements, resetStatements, statementsPerRequest } from "./statements";

const { values } = parseArgs({
  options: {
    customers: { type: "string", default: "100000" },
    duration: { type: "string", default: "10" },
    repeat: { type: "string", default: "1" },
    port: { type: "string", default: "3700" },
    "floor-port": { type: "string", default: "3701" },
    "framework-port": { type: "string", default: "3702" },
  },
});
const customers = Number(values.customers);
const duration = Number(values.duration);
const repeat = Number(values.repeat);
const appPort = Number(values.port);
const floorPort = Number(values["floor-port"]);
const frameworkPort = Number(values["framework-port"]);
const CONNECTIONS = 32;
// Long enough for V8 to optimise the hot paths and the pools to fill, also for the first phase.
const WARMUP_SECONDS = 5;

const log = (line: string) => console.log(`[bench] ${line}`);
const load = () => os.loadavg().map((value) => Math.round(value * 100) / 100);
const resultsDir = path.resolve("bench/results");
mkdirSync(resultsDir, { recursive: true });

const startedAt = new Date().toISOString();
const loadBefore = load();
log(
  `${customers} customers, ${duration} s per measurement × ${repeat}, load average ${loadBefore.join(" ")} on ${os.cpus().length} cores`,
);

const { database, seeded: admin } = await openSeededDatabase(customers, log);

log("EXPLAIN (ANALYZE, BUFFERS) of the app's list queries");
const explained = await withClient(database.url, (client) => explainListQueries(client));

await buildFrameworkFloorIfStale(log, path.join(resultsDir, "framework-floor-build.log"));
const childEnv = benchAppEnv(appPort);
log(
  `starting the app on :${appPort} (build in ${childEnv.NEXT_DIST_DIR} if stale; log in bench/results/app-${customers}.log)`,
);
const floor = startScript(
  "bench/api/floor-server.ts",
  { ...process.env, DATABASE_URL: database.url, FLOOR_PORT: String(floorPort) },
  path.join(resultsDir, `floor-${customers}.log`),
);
const framework = startFrameworkFloor(
  frameworkPort,
  { ...process.env, DATABASE_URL: database.url },
  path.join(resultsDir, `framework-floor-${customers}.log`),
);
const app = await startBenchApp(childEnv, path.join(resultsDir, `app-${customers}.log`)).catch(
  async (error) => {
    await Promise.all([floor.stop(), framework.stop()]);
    throw error;
  },
);
const { secret } = app;
const stopAll = async () => {
  await Promise.all([app.stop(), floor.stop(), framework.stop()]);
};
process.on("SIGINT", () => void stopAll().then(() => database.release().then(() => process.exit(130))));

try {
  await waitForHttp(`http://127.0.0.1:${floorPort}/customers.json`, floor.child, 60_000);
  await waitForHttp(`http://127.0.0.1:${frameworkPort}/customers.json`, framework.child, 60_000);
  log("app and both floors are up; API key created");
  const servers = {
    app: { port: appPort, process: app },
    framework: { port: frameworkPort, process: framework },
    floor: { port: floorPort, process: floor },
  };

  const createBody = customerCreates(Date.now().toString(36));
  // POST last: its tens of thousands of new rows are the newest, and every search walks the
  // newest rows first, so reads measured after it would measure the benchmark's own leftovers.
  const endpoints: [string, (target: string) => LoadRequest][] = [
    ["GET /customers.json", firstPage],
    [`GET ?q=${COMMON_TERM}`, commonSearch],
    [`GET ?q=${RARE_TERM}`, rareSearch],
    ["POST /customers.json", createBody],
  ];
  const pid = app.child.pid ?? 0;
  const memoryBefore = appRss(pid);
  let peakMb = memoryBefore.totalMb;
  const sampler = setInterval(() => {
    peakMb = Math.max(peakMb, appRss(pid).totalMb);
  }, 1000);

  const phases: Phase[] = [];
  await withClient(database.url, async (client) => {
    for (const [endpoint, request] of endpoints) {
      for (let run = 1; run <= repeat; run++) {
        for (const target of TARGETS) {
          const { port, process: served } = servers[target];
          const headers = { authorization: `Bearer ${secret}` };
          const next = () => request(target);
          await runLoad({ port, connections: CONNECTIONS, seconds: WARMUP_SECONDS, headers, next });
          if (database.statements) await resetStatements(client);
          const server = served.child.pid ?? 0;
          const cpuBefore = cpuMs(server);
          const result = await runLoad({ port, connections: CONNECTIONS, seconds: duration, headers, next });
          const cpuMsPerRequest =
            Math.round(((cpuMs(server) - cpuBefore) / Math.max(result.requests, 1)) * 100) / 100;
          const statements = database.statements ? await readStatements(client, result.requests) : undefined;
          phases.push({
            endpoint,
            target,
            run,
            result,
            cpuMsPerRequest,
            loadAverage: load()[0] ?? 0,
            ...(statements ? { statements, statementsPerRequest: statementsPerRequest(statements) } : {}),
          });
          log(
            `${endpoint} ${target} run ${run}: ${result.rps} req/s, p50 ${result.p50} p95 ${result.p95} p99 ${result.p99} ms, ${cpuMsPerRequest} CPU ms/req, ${result.errors} errors, load ${load()[0]}${result.sampleError ? ` (${result.sampleError.slice(0, 120)})` : ""}`,
          );
        }
      }
    }
  });
  clearInterval(sampler);
  const memoryAfter = appRss(pid);

  const results: BenchResults = {
    customers,
    startedAt,
    machine: { cpus: os.cpus().length, node: process.version, loadBefore, loadAfter: load() },
    seed: {
      inserted: admin.inserted,
      seconds: Math.round(admin.seconds * 10) / 10,
      billingTables: admin.billingTables,
    },
    memory: {
      beforeMb: memoryBefore.totalMb,
      peakMb,
      afterMb: memoryAfter.totalMb,
      processes: memoryAfter.processes.map(({ command, rssMb }) => ({ command, rssMb })),
    },
    phases,
    explain: explained.plans,
  };
  const files = writeResults(results, explained.text);
  console.log(`\n${formatTable(results)}\n`);
  console.log(`over ${repeat} run(s):\n${formatRatios(results)}\n`);
  console.log(
    `app RSS (launcher + next): ${memoryBefore.totalMb} MB before load, ${peakMb} MB peak, ${memoryAfter.totalMb} MB after`,
  );
  console.log(
    `seed: ${admin.inserted} customers inserted in ${results.seed.seconds} s; load average ${loadBefore.join(" ")} → ${results.machine.loadAfter.join(" ")}\n`,
  );
  console.log(`${formatPlans(explained.plans)}\n`);
  const scaling = formatScaling(results, 100_000);
  if (scaling) console.log(`1,000,000 vs 100,000 (best run of each):\n${scaling}\n`);
  log(`wrote ${files.map((file) => path.relative(process.cwd(), file)).join(", ")}`);
} finally {
  await stopAll();
  await withClient(database.url, removeBenchRows).catch((error) =>
    log(`cleanup: ${(error as Error).message}`),
  );
  await database.release();
}

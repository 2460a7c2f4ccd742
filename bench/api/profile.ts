// npx tsx bench/api/profile.ts [--customers 100000] [--endpoint post|list|search] [--duration 15]
//   [--target both|app|framework]
// Where the app and the framework floor (a bare Next.js route handler running the endpoint's one
// statement: framework-floor/) spend their CPU under the benchmark's load: runs each with a CPU
// profiler, loads one endpoint at 32 connections for `duration` seconds after a warm-up (the
// profile covers only that), stops it cleanly so Node writes the profile, and prints where
// next-server's CPU went in ms per request; with both, what the app spends beyond the framework
// floor. Needs a seeded bench database (run bench/api/run.ts once first).
import { readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { benchAppEnv, type Started, startBenchApp, waitForHttp } from "./app-process";
import { type BenchDatabase, openBenchDatabase, removeBenchRows, withClient } from "./database";
import { buildFrameworkFloorIfStale, startFrameworkFloor } from "./framework-floor-process";
import { type LoadRequest, runLoad } from "./load";
import { cpuMs, processTree } from "./memory";
import { breakdownOf, formatBreakdown, formatDifference, type ProfileBreakdown } from "./profile-summary";
import { commonSearch, customerCreates, firstPage } from "./requests";

const { values } = parseArgs({
  options: {
    customers: { type: "string", default: "100000" },
    endpoint: { type: "string", default: "post" },
    duration: { type: "string", default: "15" },
    port: { type: "string", default: "3700" },
    target: { type: "string", default: "both" },
  },
});
const log = (line: string) => console.log(`[profile] ${line}`);
// As in run.ts: long enough for V8 to optimise the hot paths and the pools to fill.
const WARMUP_SECONDS = 5;
const port = Number(values.port);
const targets = values.target === "both" ? (["app", "framework"] as const) : [values.target];
const endpoint = values.endpoint;
process.env.DONUTWORK_DATA_DIR ||= `.data-bench/${values.customers}`;

const create = customerCreates(`profile-${Date.now().toString(36)}`);
const requests: Record<string, (target: string) => LoadRequest> = {
  post: (target) => create(target),
  list: firstPage,
  search: commonSearch,
};
const chosen = requests[endpoint];
if (!chosen) throw new Error(`--endpoint must be one of ${Object.keys(requests).join(", ")}`);
const request = chosen;

/** Starts `target` with the profiler preloaded, loads it, stops it and reads next-server's profile. */
async function profileOf(target: string, database: BenchDatabase): Promise<ProfileBreakdown> {
  const profileDir = path.resolve(`bench/results/cpu-profile-${endpoint}-${target}`);
  rmSync(profileDir, { recursive: true, force: true });
  const profiling = {
    NODE_OPTIONS: `--require ${path.resolve("bench/api/cpu-profiler.cjs")}`,
    CPU_PROFILE_DIR: profileDir,
  };
  const logFile = path.join(profileDir, "..", `${target}-profile.log`);
  let served: Started & { secret?: string };
  if (target === "app") served = await startBenchApp(benchAppEnv(port, profiling), logFile);
  else if (target === "framework") {
    await buildFrameworkFloorIfStale(log, path.join(profileDir, "..", "framework-floor-build.log"));
    served = startFrameworkFloor(port, { ...process.env, ...profiling, DATABASE_URL: database.url }, logFile);
    await waitForHttp(`http://127.0.0.1:${port}/customers.json`, served.child, 60_000);
  } else throw new Error("--target must be both, app or framework");

  // The process that serves the requests: Next.js's, under the launcher (app) or alone (framework).
  const nextServer = processTree(served.child.pid ?? 0).find((entry) =>
    entry.command.startsWith("next-server"),
  );
  let cpuMsPerRequest = 0;
  try {
    if (!nextServer) throw new Error("no next-server process found under the started process");
    const headers: Record<string, string> = served.secret ? { authorization: `Bearer ${served.secret}` } : {};
    const next = () => request(target);
    await runLoad({ port, connections: 32, seconds: WARMUP_SECONDS, headers, next });
    // The profile starts afresh here: start-up and warm-up are left out (cpu-profiler.cjs).
    process.kill(nextServer.pid, "SIGUSR2");
    const cpuBefore = cpuMs(nextServer.pid);
    const result = await runLoad({ port, connections: 32, seconds: Number(values.duration), headers, next });
    cpuMsPerRequest =
      Math.round(((cpuMs(nextServer.pid) - cpuBefore) / Math.max(result.requests, 1)) * 1000) / 1000;
    log(
      `${target} ${endpoint}: ${result.rps} req/s, p50 ${result.p50} p99 ${result.p99} ms, ${result.errors} errors, ${cpuMsPerRequest} CPU ms per request in next-server; load average ${os
        .loadavg()
        .map((value) => value.toFixed(2))
        .join(" ")}`,
    );
  } finally {
    await served.stop();
  }
  const profileFile = path.join(profileDir, `${nextServer?.pid}.cpuprofile`);
  log(`profile: ${path.relative(process.cwd(), profileFile)}`);
  return breakdownOf(JSON.parse(readFileSync(profileFile, "utf8")), cpuMsPerRequest);
}

const database = await openBenchDatabase(log);
const breakdowns = new Map<string, ProfileBreakdown>();
try {
  for (const target of targets) {
    const breakdown = await profileOf(target, database);
    breakdowns.set(target, breakdown);
    console.log(`\n=== ${target}, ${endpoint}\n${formatBreakdown(breakdown)}\n`);
  }
} finally {
  await withClient(database.url, removeBenchRows);
  await database.release();
}
const app = breakdowns.get("app");
const framework = breakdowns.get("framework");
if (app && framework)
  console.log(
    `=== what the app spends beyond the framework floor, ${endpoint}\n${formatDifference(app, framework)}`,
  );

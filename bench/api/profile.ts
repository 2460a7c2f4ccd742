// npx tsx bench/api/profile.ts [--customers 100000] [--endpoint post|list|search] [--duration 15]
//   [--target app|framework]
// Where the app (or, with --target framework, the framework floor: a bare Next.js route handler)
// spends its CPU under the benchmark's load: runs it with a CPU profiler, loads one endpoint at
// 32 connections, stops it cleanly so Node writes the profile, and prints the serving process's
// self time grouped by package and the top functions. Needs a seeded bench database (run
// bench/api/run.ts once first).
import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { benchAppEnv, type Started, startBenchApp, waitForHttp } from "./app-process";
import { openBenchDatabase, removeBenchRows, withClient } from "./database";
import { buildFrameworkFloorIfStale, startFrameworkFloor } from "./framework-floor-process";
import { type LoadRequest, runLoad } from "./load";
import { busySamples, summariseProfile } from "./profile-summary";
import { commonSearch, customerCreates, firstPage } from "./requests";

const { values } = parseArgs({
  options: {
    customers: { type: "string", default: "100000" },
    endpoint: { type: "string", default: "post" },
    duration: { type: "string", default: "15" },
    port: { type: "string", default: "3700" },
    target: { type: "string", default: "app" },
  },
});
const log = (line: string) => console.log(`[profile] ${line}`);
const port = Number(values.port);
const target = values.target;
if (target !== "app" && target !== "framework") throw new Error("--target must be app or framework");
const profileDir = path.resolve(
  `bench/results/cpu-profile-${values.endpoint}${target === "app" ? "" : `-${target}`}`,
);
rmSync(profileDir, { recursive: true, force: true });
process.env.DONUTWORK_DATA_DIR ||= `.data-bench/${values.customers}`;

const create = customerCreates(`profile-${Date.now().toString(36)}`);
const requests: Record<string, () => LoadRequest> = {
  post: () => create(target),
  list: firstPage,
  search: commonSearch,
};
const next = requests[values.endpoint];
if (!next) throw new Error(`--endpoint must be one of ${Object.keys(requests).join(", ")}`);

const database = await openBenchDatabase(log);
const profiling = {
  NODE_OPTIONS: `--require ${path.resolve("bench/api/cpu-profiler.cjs")}`,
  CPU_PROFILE_DIR: profileDir,
};
const logFile = path.join(profileDir, "..", `${target}-profile.log`);
let served: Started & { secret?: string };
if (target === "app") served = await startBenchApp(benchAppEnv(port, profiling), logFile);
else {
  await buildFrameworkFloorIfStale(log, path.join(profileDir, "..", "framework-floor-build.log"));
  served = startFrameworkFloor(port, { ...process.env, ...profiling, DATABASE_URL: database.url }, logFile);
  await waitForHttp(`http://127.0.0.1:${port}/customers.json`, served.child, 60_000);
}
try {
  const headers: Record<string, string> = served.secret ? { authorization: `Bearer ${served.secret}` } : {};
  await runLoad({ port, connections: 32, seconds: 3, headers, next });
  const result = await runLoad({ port, connections: 32, seconds: Number(values.duration), headers, next });
  log(
    `${target} ${values.endpoint}: ${result.rps} req/s, p50 ${result.p50} p99 ${result.p99} ms, ${result.errors} errors`,
  );
} finally {
  await served.stop();
  await withClient(database.url, removeBenchRows);
  await database.release();
}

// The busiest profile is next-server's (the app's launcher and the emulator idle by comparison).
const profiles = readdirSync(profileDir)
  .filter((file) => file.endsWith(".cpuprofile"))
  .map((file) => path.join(profileDir, file))
  .map((file) => ({ file, profile: JSON.parse(readFileSync(file, "utf8")) }))
  .sort((a, b) => busySamples(b.profile) - busySamples(a.profile));
if (!profiles[0]) throw new Error(`no profile written in ${profileDir}`);
log(`profile: ${path.relative(process.cwd(), profiles[0].file)}`);
console.log(summariseProfile(profiles[0].profile));

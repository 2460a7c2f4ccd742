// npx tsx bench/api/profile.ts [--customers 100000] [--endpoint post|list|search] [--duration 15]
// Where the app spends its CPU under the benchmark's load: runs the app with a CPU profiler, loads
// one endpoint at 32 connections, stops the app cleanly so Node writes the profile, and prints
// next-server's self time grouped by package and the top functions. Needs a seeded bench
// database (run bench/api/run.ts once first).
import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { benchAppEnv, startBenchApp } from "./app-process";
import { openBenchDatabase, removeBenchRows, withClient } from "./database";
import { type LoadRequest, runLoad } from "./load";
import { busySamples, summariseProfile } from "./profile-summary";
import { commonSearch, customerCreates, firstPage } from "./requests";

const { values } = parseArgs({
  options: {
    customers: { type: "string", default: "100000" },
    endpoint: { type: "string", default: "post" },
    duration: { type: "string", default: "15" },
    port: { type: "string", default: "3700" },
  },
});
const log = (line: string) => console.log(`[profile] ${line}`);
const port = Number(values.port);
const profileDir = path.resolve(`bench/results/cpu-profile-${values.endpoint}`);
rmSync(profileDir, { recursive: true, force: true });
process.env.DONUTWORK_DATA_DIR ||= `.data-bench/${values.customers}`;

const create = customerCreates(`profile-${Date.now().toString(36)}`);
const requests: Record<string, () => LoadRequest> = {
  post: () => create("app"),
  list: firstPage,
  search: commonSearch,
};
const next = requests[values.endpoint];
if (!next) throw new Error(`--endpoint must be one of ${Object.keys(requests).join(", ")}`);

const database = await openBenchDatabase(log);
const env = benchAppEnv(port, {
  NODE_OPTIONS: `--require ${path.resolve("bench/api/cpu-profiler.cjs")}`,
  CPU_PROFILE_DIR: profileDir,
});
const app = await startBenchApp(env, path.join(profileDir, "..", "app-profile.log"));
try {
  const headers = { authorization: `Bearer ${app.secret}` };
  await runLoad({ port, connections: 32, seconds: 3, headers, next });
  const result = await runLoad({ port, connections: 32, seconds: Number(values.duration), headers, next });
  log(
    `${values.endpoint}: ${result.rps} req/s, p50 ${result.p50} p99 ${result.p99} ms, ${result.errors} errors`,
  );
} finally {
  await app.stop();
  await withClient(database.url, removeBenchRows);
  await database.release();
}

// The busiest profile is next-server's (the launcher and the emulator idle by comparison).
const profiles = readdirSync(profileDir)
  .filter((file) => file.endsWith(".cpuprofile"))
  .map((file) => path.join(profileDir, file))
  .map((file) => ({ file, profile: JSON.parse(readFileSync(file, "utf8")) }))
  .sort((a, b) => busySamples(b.profile) - busySamples(a.profile));
if (!profiles[0]) throw new Error(`no profile written in ${profileDir}`);
log(`profile: ${path.relative(process.cwd(), profiles[0].file)}`);
console.log(summariseProfile(profiles[0].profile));

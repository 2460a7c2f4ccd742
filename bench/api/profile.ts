// npx tsx bench/api/profile.ts [--customers 100000] [--endpoint post|list|search] [--duration 15]
// Where the app spends its CPU under the benchmark's load: runs the app with a CPU profiler, loads
// one endpoint at 32 connections, stops the app cleanly so Node writes the profile, and prints
// next-server's self time grouped by package and the top functions. Needs a seeded bench
// database (run bench/api/run.ts once first).
import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { createApiKey, startScript, waitForHttp } from "./app-process";
import { openBenchDatabase, removeBenchRows, withClient } from "./database";
import { COMMON_TERM } from "./fake-data";
import { type LoadRequest, runLoad } from "./load";
import { busySamples, summariseProfile } from "./profile-summary";

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

let sequence = 0;
const requests: Record<string, () => LoadRequest> = {
  post: () => {
    sequence++;
    return {
      method: "POST",
      path: "/customers.json",
      body: JSON.stringify({
        external_id: `bench-profile-${Date.now()}-${sequence}`,
        email: `profile${sequence}@bench.example`,
        company_name: `Bench ${sequence} GmbH`,
        address: { line1: "1 Load Street", city: "Berlin", postal_code: "10115", country: "DE" },
      }),
    };
  },
  list: () => ({ method: "GET", path: "/customers.json" }),
  search: () => ({ method: "GET", path: `/customers.json?q=${COMMON_TERM}` }),
};
const next = requests[values.endpoint];
if (!next) throw new Error(`--endpoint must be one of ${Object.keys(requests).join(", ")}`);

const database = await openBenchDatabase(log);
const env: NodeJS.ProcessEnv = {
  ...process.env,
  PORT: String(port),
  NEXT_DIST_DIR: process.env.NEXT_DIST_DIR || ".next-bench",
  NEXT_TELEMETRY_DISABLED: "1",
  RATE_LIMIT_PER_SECOND: "1000000",
  RATE_LIMIT_BURST: "1000000",
  NODE_OPTIONS: `--require ${path.resolve("bench/api/cpu-profiler.cjs")}`,
  CPU_PROFILE_DIR: profileDir,
};
delete env.DATABASE_URL;
const app = startScript("scripts/start.ts", env, path.join(profileDir, "..", "app-profile.log"));
try {
  await waitForHttp(`http://127.0.0.1:${port}/api/health`, app.child, 900_000);
  const secret = await createApiKey({ ...env, NODE_OPTIONS: "", CPU_PROFILE_DIR: "" });
  const headers = { authorization: `Bearer ${secret}` };
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

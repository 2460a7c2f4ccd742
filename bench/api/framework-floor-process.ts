// The framework floor's process: the tiny Next.js app in framework-floor/ (one route handler
// around floor-queries.ts), built into its own dist dir when a source is newer than its build,
// and served by `next start` in production mode, with nothing of ours in front of it.
import { spawn } from "node:child_process";
import { createWriteStream, existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { type Started, startNode } from "./app-process";

const NEXT_CLI = path.resolve("node_modules/next/dist/bin/next");
const APP_DIR = path.resolve("bench/api/framework-floor");
// framework-floor/next.config.mjs's distDir.
const BUILD_ID = path.join(APP_DIR, ".next-bench-floor", "BUILD_ID");
// What the build bundles: the route, its config, the statements and what they import.
const SOURCES = [
  path.join(APP_DIR, "app"),
  path.join(APP_DIR, "next.config.mjs"),
  path.resolve("bench/api/floor-queries.ts"),
  path.resolve("bench/api/eid.ts"),
  path.resolve("lib/server/customers/customer-sql.ts"),
  path.resolve("lib/serializers/customer.ts"),
  path.resolve("package-lock.json"),
];
// As long as the app's own server keeps idle sockets (lib/runtime/web-server.ts).
const KEEP_ALIVE_TIMEOUT_MS = 65_000;

/** `next build` of the framework floor, unless its build is newer than every source. */
export async function buildFrameworkFloorIfStale(
  log: (line: string) => void,
  logFile: string,
): Promise<void> {
  const builtAt = existsSync(BUILD_ID) ? statSync(BUILD_ID).mtimeMs : 0;
  if (builtAt > 0 && Math.max(...SOURCES.map(newestChange)) <= builtAt) return;
  log(
    `building the framework floor (next build ${path.relative(process.cwd(), APP_DIR)}; log in ${logFile})`,
  );
  const output = createWriteStream(logFile);
  const child = spawn(process.execPath, [NEXT_CLI, "build", APP_DIR], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.pipe(output, { end: false });
  child.stderr.pipe(output, { end: false });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", resolve);
  });
  output.end();
  if (code !== 0) throw new Error(`next build of the framework floor exited with ${code}: see ${logFile}`);
}

/** `next start` of the framework floor on `port`, on the benchmark's database. */
export function startFrameworkFloor(
  port: number,
  env: NodeJS.ProcessEnv & { DATABASE_URL: string },
  logFile: string,
): Started {
  const args = [NEXT_CLI, "start", APP_DIR, "--port", String(port), "--hostname", "127.0.0.1"];
  return startNode(
    [...args, "--keepAliveTimeout", String(KEEP_ALIVE_TIMEOUT_MS)],
    { ...env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    logFile,
  );
}

function newestChange(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(entry).map((child) => newestChange(path.join(entry, child))));
}

import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildSync } from "esbuild";

const nextCli = path.resolve("node_modules/next/dist/bin/next");
const webServer = path.resolve(import.meta.dirname, "web-server.ts");
// packages/api-client: the pages call the API through it, so a regenerated client is a change.
const SOURCES = [
  "app",
  "components",
  "lib",
  "packages/api-client/src",
  "next.config.mjs",
  "package-lock.json",
  "postcss.config.mjs",
  "proxy.ts",
];
// Prisma's client is generated again on every install; the build does not depend on when.
const IGNORED = new Set([path.resolve("lib/generated")]);

/** Builds the app when there is no build yet or a source file is newer than the last build. */
export async function buildIfStale(log: (line: string) => void): Promise<void> {
  const buildId = path.resolve(process.env.NEXT_DIST_DIR || ".next", "BUILD_ID");
  const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  if (builtAt > 0 && newestSourceChange() <= builtAt) return;
  log(
    builtAt
      ? "Sources changed since the last build: rebuilding (next build)…"
      : "First start: building the app (next build)…",
  );
  await run(["build"], { NEXT_TELEMETRY_DISABLED: "1" });
}

/**
 * Starts the web server process (web-server.ts: Next.js behind lib/http/front-door.ts) in
 * production or development mode on `port`.
 */
export function startNext(
  mode: "production" | "development",
  port: number,
  variables: Record<string, string>,
): ChildProcess {
  const args = [compiledWebServer(), "--port", String(port), ...(mode === "development" ? ["--dev"] : [])];
  return spawn(process.execPath, args, {
    // Next.js reads NODE_ENV when it is loaded; `next start` and `next dev` set it themselves.
    env: { ...process.env, ...variables, NODE_ENV: mode },
    stdio: "inherit",
  });
}

/**
 * web-server.ts and the few modules of ours it imports, bundled into one JavaScript file in
 * the build folder (packages stay imports), so that the web server runs on plain Node: under
 * tsx's loader the same process held ~50 MB more (bench/api/README.md). Written under a
 * temporary name and renamed, so that an instance starting beside this one on the same build
 * folder never runs a half-written file. Takes a few tens of milliseconds.
 */
function compiledWebServer(): string {
  const [output] = buildSync({
    entryPoints: [webServer],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    write: false,
    logLevel: "warning",
  }).outputFiles;
  if (!output) throw new Error("esbuild produced no web server");
  const file = path.resolve(process.env.NEXT_DIST_DIR || ".next", "donutwork-web-server.mjs");
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, output.text);
  renameSync(temporary, file);
  return file;
}

function run(args: string[], variables: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [nextCli, ...args], {
      env: { ...process.env, ...variables },
      stdio: "inherit",
    });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`next ${args.join(" ")} exited with ${code}`)),
    );
  });
}

function newestSourceChange(): number {
  let newest = 0;
  const visit = (entry: string) => {
    if (!existsSync(entry)) return;
    const stat = statSync(entry);
    if (stat.isDirectory()) {
      for (const child of readdirSync(entry))
        if (child !== "node_modules" && !IGNORED.has(path.join(entry, child))) visit(path.join(entry, child));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const source of SOURCES) visit(path.resolve(source));
  return newest;
}

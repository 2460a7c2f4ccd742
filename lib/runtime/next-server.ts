import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const nextCli = path.resolve("node_modules/next/dist/bin/next");
// packages/api-client: the pages call the API through it, so a regenerated client is a change.
const SOURCES = [
  "app",
  "components",
  "lib",
  "packages/api-client/src",
  "next.config.mjs",
  "package-lock.json",
  "postcss.config.mjs",
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

export function startNext(
  mode: "production" | "development",
  port: number,
  variables: Record<string, string>,
): ChildProcess {
  // Idle keep-alive sockets stay open longer than a client or balancer keeps them (Node's 5 s
  // default races their reuse and answers it with ECONNRESET; load balancers idle out at 60 s).
  const args =
    mode === "production"
      ? ["start", "-p", String(port), "--keepAliveTimeout", "65000"]
      : ["dev", "-p", String(port)];
  return spawn(process.execPath, [nextCli, ...args], {
    env: { ...process.env, ...variables },
    stdio: "inherit",
  });
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

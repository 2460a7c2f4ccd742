import { type ChildProcess, execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

const TSX = path.resolve("node_modules/tsx/dist/cli.mjs");

export interface Started {
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Runs a TypeScript entry point with tsx; see startNode. */
export function startScript(script: string, env: NodeJS.ProcessEnv, logFile: string): Started {
  return startNode([TSX, script], env, logFile);
}

/**
 * Runs Node with `args` in its own process group (so that stopping it reaches everything it
 * started), its output going to `logFile`.
 */
export function startNode(args: string[], env: NodeJS.ProcessEnv, logFile: string): Started {
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, args, {
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  // Two streams into one file: neither may end it while the other still writes.
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  child.once("exit", () => log.end());
  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    process.kill(-child.pid, "SIGTERM");
    const timedOut = await Promise.race([exited.then(() => false), sleep(20_000).then(() => true)]);
    if (timedOut) process.kill(-child.pid, "SIGKILL");
  };
  return { child, stop };
}

/** Waits until `url` answers 200, or fails when the process exits or `timeoutMs` passes. */
export async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`${url}: the process exited (${child.exitCode}) before answering`);
    const ok = await fetch(url)
      .then((response) => response.ok)
      .catch(() => false);
    if (ok) return;
    await sleep(500);
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/** `npm run --silent donutwork -- api-key create --name bench`: the secret is the last line. */
export function createApiKey(env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      "npm",
      ["run", "--silent", "donutwork", "--", "api-key", "create", "--name", "bench"],
      { env },
      (error, stdout, stderr) => {
        const secret = stdout.trim().split("\n").at(-1) ?? "";
        if (error || !secret.startsWith("dw_"))
          reject(new Error(`api-key create failed: ${stderr || stdout}`));
        else resolve(secret);
      },
    );
  });
}

/**
 * The environment the benchmarks run the app in: its own port and build dir, and the per-key
 * rate limit lifted (capacity is measured, not the 100/s default) unless set. With
 * BENCH_DATABASE_URL the app uses that server and needs its secrets given.
 */
export function benchAppEnv(port: number, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    NEXT_DIST_DIR: process.env.NEXT_DIST_DIR || ".next-bench",
    NEXT_TELEMETRY_DISABLED: "1",
    RATE_LIMIT_PER_SECOND: process.env.RATE_LIMIT_PER_SECOND || "1000000",
    RATE_LIMIT_BURST: process.env.RATE_LIMIT_BURST || "1000000",
    ...extra,
  };
  delete env.DATABASE_URL;
  if (process.env.BENCH_DATABASE_URL) {
    Object.assign(env, {
      DATABASE_URL: process.env.BENCH_DATABASE_URL,
      AUTH_SECRET: process.env.AUTH_SECRET || randomBytes(32).toString("base64url"),
      ENCRYPTION_KEY: process.env.ENCRYPTION_KEY || randomBytes(32).toString("base64url"),
    });
  }
  return env;
}

/** Starts the app (scripts/start.ts) with `env`, waits until it answers, and makes it an API key. */
export async function startBenchApp(
  env: NodeJS.ProcessEnv,
  logFile: string,
): Promise<Started & { secret: string }> {
  const app = startScript("scripts/start.ts", env, logFile);
  try {
    await waitForHttp(`http://127.0.0.1:${env.PORT}/api/health`, app.child, 900_000);
    // The CLI is not what is measured or profiled.
    const secret = await createApiKey({ ...env, NODE_OPTIONS: "", CPU_PROFILE_DIR: "" });
    return { ...app, secret };
  } catch (error) {
    await app.stop();
    throw error;
  }
}

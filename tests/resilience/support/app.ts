// Starts real app instances (`npx tsx scripts/start.ts`) as process groups, waits for them, and
// kills them (SIGKILL of the whole group: launcher, next, workers and, for the first instance of
// a data dir, its embedded PostgreSQL). What a data dir holds is read with tests/support/data-dir.ts.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { childEnvironment } from "../../support/environment";
import { request } from "./http";

export const ROOT = path.resolve(import.meta.dirname, "../../..");

export interface AppProcess {
  name: string;
  port: number;
  url: string;
  child: ChildProcess;
  /** Everything the process group printed, for diagnosis. */
  output: string[];
  exited: Promise<number | null>;
}

export interface StartOptions {
  name: string;
  port: number;
  dataDir: string;
  appUrl?: string;
  env?: Record<string, string>;
}

export function freshDataDir(name: string): string {
  const dir = path.join(ROOT, `.data-resilience-${name}`);
  rmSync(dir, { recursive: true, force: true });
  return dir;
}

export function startApp(options: StartOptions): AppProcess {
  const child = spawn("npx", ["tsx", "scripts/start.ts"], {
    cwd: ROOT,
    env: childEnvironment({
      PORT: String(options.port),
      APP_URL: options.appUrl ?? `http://127.0.0.1:${options.port}`,
      DONUTWORK_DATA_DIR: options.dataDir,
      NEXT_DIST_DIR: ".next",
      NODE_ENV: "production",
      WEBHOOK_RETRY_DELAY_SECONDS: "1",
      RATE_LIMIT_PER_SECOND: "5000",
      RATE_LIMIT_BURST: "10000",
      ...options.env,
    }),
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  return trackProcess(child, { name: options.name, port: options.port, labelLines: true, endsOn: "exit" });
}

/**
 * Records what a started app prints, line by line (the last 5000 lines), and when it ends:
 * on "exit" of the launcher, or on "close" once every process holding its output is gone too.
 */
export function trackProcess(
  child: ChildProcess,
  options: { name: string; port: number; labelLines: boolean; endsOn: "exit" | "close" },
): AppProcess {
  const output: string[] = [];
  let partial = "";
  const keep = (line: string) => {
    if (line.trim()) output.push(options.labelLines ? `[${options.name}] ${line}` : line);
  };
  const record = (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split("\n");
    partial = lines.pop() ?? "";
    for (const line of lines) keep(line);
    if (output.length > 5000) output.splice(0, output.length - 5000);
  };
  child.stdout?.on("data", record);
  child.stderr?.on("data", record);
  const exited = new Promise<number | null>((resolve) =>
    child.once(options.endsOn, (code: number | null) => {
      keep(partial);
      resolve(code);
    }),
  );
  const url = `http://127.0.0.1:${options.port}`;
  return { name: options.name, port: options.port, url, child, output, exited };
}

/** Waits until GET /api/health answers 200 (or throws, with the process's output, after `timeoutMs`). */
export async function waitForHealth(app: AppProcess, timeoutMs = 180_000): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (app.child.exitCode !== null || app.child.signalCode !== null)
      throw new Error(`${app.name} exited while starting:\n${app.output.slice(-40).join("\n")}`);
    const response = await request(`${app.url}/api/health`, { timeoutMs: 2_000 }).catch(() => undefined);
    if (response?.status === 200) return Date.now() - started;
    await sleep(250);
  }
  throw new Error(`${app.name} not healthy after ${timeoutMs} ms:\n${app.output.slice(-40).join("\n")}`);
}

/** SIGKILL of the whole process group; resolves once the launcher is gone. */
export async function killApp(app: AppProcess): Promise<void> {
  const pid = app.child.pid;
  if (pid === undefined) return;
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // already gone
  }
  await Promise.race([app.exited, sleep(10_000)]);
  // The group's other members (next, postgres) die with it; give the kernel a moment to reap.
  for (let i = 0; i < 50 && groupAlive(pid); i++) await sleep(100);
}

/** A clean stop (SIGTERM to the group) with a SIGKILL fallback: for afterAll. */
export async function stopApp(app: AppProcess | undefined): Promise<void> {
  if (!app?.child.pid) return;
  const pid = app.child.pid;
  if (groupAlive(pid)) {
    try {
      process.kill(-pid, "SIGTERM");
    } catch {
      // gone
    }
    await Promise.race([app.exited, sleep(15_000)]);
  }
  if (groupAlive(pid)) await killApp(app);
}

/** Whether any process of the group led by `pid` is still alive. */
export function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Creates an API key with the operator CLI, as an operator would; returns the secret. */
export function createApiKey(dataDir: string, env: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      "npm",
      ["run", "--silent", "donutwork", "--", "api-key", "create", "--name", "resilience"],
      { cwd: ROOT, env: childEnvironment({ DONUTWORK_DATA_DIR: dataDir, ...env }), encoding: "utf8" },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`api-key create failed: ${error.message}\n${stderr}`));
        resolve(stdout.trim().split("\n").at(-1) ?? "");
      },
    );
  });
}

export function buildExists(): boolean {
  return existsSync(path.join(ROOT, ".next", "BUILD_ID"));
}

import { type ChildProcess, execFile, spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

const TSX = path.resolve("node_modules/tsx/dist/cli.mjs");

export interface Started {
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Runs a TypeScript entry point with tsx in its own process group (so that stopping it reaches
 * everything it started), its output going to `logFile`.
 */
export function startScript(script: string, env: NodeJS.ProcessEnv, logFile: string): Started {
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, [TSX, script], {
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

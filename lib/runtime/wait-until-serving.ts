import type { ChildProcess } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";

const POLL_MS = 200;

/**
 * Resolves "serving" once the web server answers GET /api/health with 200 on `port`, or
 * "exited" as soon as its process ends first (it could not listen, or crashed on start).
 * Only then does start-up announce the URL and create the demo login.
 */
export async function waitUntilServing(server: ChildProcess, port: number): Promise<"serving" | "exited"> {
  const hasExited = () => server.exitCode !== null || server.signalCode !== null;
  const exit = new Promise<"exited">((resolve) => {
    if (hasExited()) resolve("exited");
    else server.once("exit", () => resolve("exited"));
  });
  while (!hasExited()) {
    const response = await fetch(`http://127.0.0.1:${port}/api/health`, {
      signal: AbortSignal.timeout(2_000),
    }).catch(() => undefined);
    if (response?.status === 200 && !hasExited()) return "serving";
    if ((await Promise.race([exit, sleep(POLL_MS)])) === "exited") break;
  }
  return "exited";
}

import type { ChildProcess } from "node:child_process";
import http from "node:http";
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
    if ((await healthStatus(port)) === 200 && !hasExited()) return "serving";
    if ((await Promise.race([exit, sleep(POLL_MS)])) === "exited") break;
  }
  return "exited";
}

// A fresh connection, closed after the answer: a kept-alive one would hold the server's
// graceful shutdown open for its whole keep-alive timeout.
function healthStatus(port: number): Promise<number> {
  return new Promise((resolve) => {
    const request = http.get(
      { host: "127.0.0.1", port, path: "/api/health", agent: false, timeout: 2_000 },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    request.on("timeout", () => request.destroy());
    request.on("error", () => resolve(0));
  });
}

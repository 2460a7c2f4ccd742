// The web server process itself (lib/runtime/web-server.ts, what `npm start` runs Next.js in),
// started by startNext as scripts/start.ts starts it, on the build `npm test` made:
// Strict-Transport-Security on pages and API responses when APP_URL is https, none when it is
// http. The database is unreachable on purpose: every response, a 503 included, must carry the
// header, and nothing here needs data.
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import { startNext } from "@/lib/runtime/next-server";
import { buildExists } from "./support/app";
import { request } from "./support/http";

const PORT = 3840;
const HSTS = "max-age=63072000; includeSubDomains";

let server: ChildProcess | undefined;
afterEach(async () => {
  if (!server || server.exitCode !== null) return;
  const exited = new Promise((resolve) => server?.once("exit", resolve));
  server.kill("SIGTERM");
  await exited;
  server = undefined;
});

async function startWebServer(appUrl: string): Promise<void> {
  expect(buildExists(), "a build in .next (npm test makes it)").toBe(true);
  const output: string[] = [];
  // As scripts/start.ts starts it, with the variables a deployment would give it.
  server = startNext("production", PORT, {
    NEXT_DIST_DIR: ".next",
    APP_URL: appUrl,
    DATABASE_URL: "postgres://nobody:nothing@127.0.0.1:9/none",
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    STRIPE_WEBHOOK_SECRET: "whsec_unused",
    ENCRYPTION_KEY: randomBytes(32).toString("base64url"),
  });
  server.once("exit", (code) => output.push(`exited with ${code}`));
  const started = Date.now();
  while (
    (await request(`http://127.0.0.1:${PORT}/sign-in`, { timeoutMs: 5_000 }).catch(() => undefined)) ===
    undefined
  ) {
    if (output.length > 0) throw new Error(`the web server ${output.join(" ")}`);
    if (Date.now() - started > 60_000) throw new Error("the web server did not start within 60 s");
    await sleep(200);
  }
}

const answers = () =>
  Promise.all(
    ["/sign-in", "/customers.json", "/api/health"].map((path) => request(`http://127.0.0.1:${PORT}${path}`)),
  );

describe("the web server", () => {
  it("sends Strict-Transport-Security on pages and API responses when APP_URL is https", async () => {
    await startWebServer("https://billing.example.test");
    const [page, api, health] = await answers();
    expect([page?.status, api?.status, health?.status]).toEqual([200, 503, 503]);
    for (const response of [page, api, health])
      expect(response?.headers["strict-transport-security"]).toBe(HSTS);
  });

  it("sends none when APP_URL is http", async () => {
    await startWebServer(`http://127.0.0.1:${PORT}`);
    const [page, api, health] = await answers();
    expect([page?.status, api?.status, health?.status]).toEqual([200, 503, 503]);
    for (const response of [page, api, health])
      expect(response?.headers["strict-transport-security"]).toBeUndefined();
  });
});

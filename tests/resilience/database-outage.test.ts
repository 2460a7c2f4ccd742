// PostgreSQL unreachable for 30 s during traffic: the app answers 503 with Retry-After (quickly,
// never a 500, never hanging), /api/health says 503, and once the database is back the same
// process serves again within seconds, with nothing half-written.
import { randomBytes, randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/runtime/embedded-database";
import { newCustomerBody } from "../support/customer-body";
import { acquireEmbeddedServer } from "../support/database";
import { queryOnce as query } from "../support/database-query";
import { present } from "../support/present";
import { type AppProcess, createApiKey, freshDataDir, startApp, stopApp, waitForHealth } from "./support/app";
import { apiClient, type HttpResponse, json, request } from "./support/http";
import { startTcpProxy } from "./support/net-tools";

const PORT = 3830;
const PROXY_PORT = 3831;
const OUTAGE_MS = 30_000;
const SLOW_MS = 10_000;

let database: DatabaseHandle | undefined;
let proxy: Awaited<ReturnType<typeof startTcpProxy>> | undefined;
let app: AppProcess | undefined;
let directUrl: string;
let proxiedUrl: string;

beforeAll(async () => {
  // The database lives in its own data dir, started by this process; the app reaches it only
  // through the proxy (DATABASE_URL mode, so AUTH_SECRET is required).
  const databaseDir = freshDataDir("outage-db");
  const appDir = freshDataDir("outage");
  database = await acquireEmbeddedServer(databaseDir);
  directUrl = database.url;
  const target = new URL(directUrl);
  proxy = await startTcpProxy(PROXY_PORT, { host: target.hostname, port: Number(target.port) });
  target.port = String(PROXY_PORT);
  proxiedUrl = target.toString();
  app = startApp({
    name: "app",
    port: PORT,
    dataDir: appDir,
    env: { DATABASE_URL: proxiedUrl, AUTH_SECRET: randomBytes(32).toString("base64url") },
  });
  console.log(`app healthy after ${await waitForHealth(app)} ms`);
});

afterAll(async () => {
  await proxy?.restore().catch(() => {});
  await stopApp(app);
  await proxy?.close();
  await database?.release();
});

interface Outcome {
  kind: "read" | "create" | "health";
  start: number;
  end: number;
  status: number; // 0 = no answer (network error or our 15 s deadline)
  retryAfter: string | undefined;
  externalId?: string;
  error?: string;
}

/**
 * Steady traffic (3 clients creating and listing, one polling health); after 5 s `breakIt()`
 * for `outageMs`, then `proxy.restore()` and 15 s more; then every claim is checked.
 */
async function trafficThroughOutage(breakIt: () => Promise<void> | void, outageMs: number) {
  const key = await createApiKey(".data-resilience-outage-db", { DATABASE_URL: directUrl });
  const api = apiClient(`http://127.0.0.1:${PORT}`, key);
  const started = present(app, "the app started in beforeAll");
  const pid = started.child.pid;
  const outcomes: Outcome[] = [];
  const record = async (kind: Outcome["kind"], send: () => Promise<HttpResponse>, externalId?: string) => {
    const start = Date.now();
    try {
      const response = await send();
      const retryAfter = response.headers["retry-after"];
      outcomes.push({
        kind,
        start,
        end: Date.now(),
        status: response.status,
        retryAfter: retryAfter as string,
        externalId,
      });
      return response;
    } catch (error) {
      outcomes.push({
        kind,
        start,
        end: Date.now(),
        status: 0,
        retryAfter: undefined,
        externalId,
        error: (error as Error).message,
      });
      return undefined;
    }
  };

  let running = true;
  const runId = randomUUID().slice(0, 8);
  const worker = async (index: number) => {
    for (let n = 0; running; n++) {
      const externalId = `outage-${runId}-${index}-${n}`;
      await record(
        "create",
        () =>
          api.post("/customers.json", newCustomerBody({ external_id: externalId }), {
            headers: { "idempotency-key": externalId },
            timeoutMs: 15_000,
          }),
        externalId,
      );
      await record("read", () => api.get("/customers.json?limit=20", { timeoutMs: 15_000 }));
      await sleep(100);
    }
  };
  const health = async () => {
    while (running) {
      await record("health", () => request(`http://127.0.0.1:${PORT}/api/health`, { timeoutMs: 15_000 }));
      await sleep(500);
    }
  };
  const load = [...Array.from({ length: 3 }, (_, index) => worker(index)), health()];

  await sleep(5_000);
  const cutAt = Date.now();
  await breakIt();
  console.log("database cut off");
  await sleep(outageMs);
  await present(proxy, "the proxy").restore();
  const restoredAt = Date.now();
  console.log("database reachable again");
  await sleep(15_000);
  running = false;
  await Promise.all(load);

  const api_ = outcomes.filter((outcome) => outcome.kind !== "health");
  const during = outcomes.filter((outcome) => outcome.start >= cutAt + 1_000 && outcome.end <= restoredAt);
  const summary = (list: Outcome[]) => {
    const counts = new Map<string, number>();
    for (const outcome of list) {
      const label = `${outcome.kind} ${outcome.status}`;
      counts.set(label, (counts.get(label) ?? 0) + 1);
    }
    return Object.fromEntries(counts);
  };
  console.log(`before the cut: ${JSON.stringify(summary(outcomes.filter((o) => o.end < cutAt)))}`);
  console.log(`during the outage: ${JSON.stringify(summary(during))}`);
  const slowest = Math.max(
    ...api_.filter((o) => o.end > cutAt && o.start < restoredAt).map((o) => o.end - o.start),
  );
  console.log(`slowest API answer around the outage: ${slowest} ms`);

  // Every answer around the outage is a prompt 503 with Retry-After (or a 2xx that finished
  // within the first second); soft, so that the recovery below is checked and reported too.
  const notPolite = api_
    .filter((outcome) => outcome.end > cutAt && outcome.start < restoredAt)
    .filter(
      (outcome) =>
        !(outcome.status >= 200 && outcome.status < 300 && outcome.end < cutAt + 1_000) &&
        !(outcome.status === 503 && outcome.retryAfter),
    );
  expect
    .soft(
      notPolite
        .slice(0, 10)
        .map((o) => `${o.kind} ${o.status} after ${o.start - cutAt} ms${o.error ? ` (${o.error})` : ""}`),
      `${notPolite.length} answers that were not a prompt 503 + Retry-After`,
    )
    .toEqual([]);
  expect.soft(slowest, "slowest answer (ms)").toBeLessThanOrEqual(SLOW_MS);
  expect.soft(during.filter((outcome) => outcome.kind !== "health").length).toBeGreaterThan(10);
  const healthDuring = during.filter((outcome) => outcome.kind === "health");
  expect.soft(healthDuring.length, "health answers during the outage").toBeGreaterThan(10);
  expect.soft(healthDuring.filter((outcome) => outcome.status !== 503 || !outcome.retryAfter)).toEqual([]);

  // What the app logged about failures (500s are logged with their cause), for the report.
  const logged = started.output.filter((line) => /failed:|Error|error|exited|stopping/i.test(line));
  if (logged.length > 0) console.log(`app log excerpts:\n${logged.slice(0, 30).join("\n")}`);
  if (started.child.exitCode !== null) console.log(`app exited:\n${started.output.slice(-30).join("\n")}`);

  // Recovery without a restart: the same launcher, and creates and reads 2xx within ~10 s.
  expect(started.child.exitCode).toBeNull();
  expect(started.child.pid).toBe(pid);
  expect(started.output.filter((line) => /DonutWork is running at/.test(line))).toHaveLength(1);
  const firstOk = (kind: Outcome["kind"]) =>
    outcomes.find((o) => o.kind === kind && o.start >= restoredAt && o.status >= 200 && o.status < 300)?.end;
  const readBack = present(firstOk("read"), "a successful read after the database returned");
  const createBack = present(firstOk("create"), "a successful create after the database returned");
  const healthBack = present(firstOk("health"), "a healthy answer after the database returned");
  console.log(
    `recovered after the database returned: health ${healthBack - restoredAt} ms, reads ${readBack - restoredAt} ms, creates ${createBack - restoredAt} ms`,
  );
  expect(readBack - restoredAt).toBeLessThan(10_000);
  expect(createBack - restoredAt).toBeLessThan(10_000);
  const lateFailures = api_.filter(
    (o) => o.start >= restoredAt + 10_000 && !(o.status >= 200 && o.status < 300),
  );
  expect(lateFailures.map((o) => `${o.kind} ${o.status}`)).toEqual([]);

  // Nothing half-written: every acknowledged create exists, every customer has its audit
  // record and its outbox event, and the relay (in the launcher, also cut off) dispatched them.
  const acknowledged = outcomes
    .filter((o) => o.kind === "create" && o.status === 201)
    .map((o) => o.externalId);
  const rows = await query<{ external_id: string }>(
    directUrl,
    "select external_id from customers where external_id = any($1)",
    [acknowledged],
  );
  expect(rows).toHaveLength(acknowledged.length);
  const orphans = await query<{ n: number }>(
    directUrl,
    `select count(*)::int as n from customers c
        where not exists (select 1 from audit_records a where a.entity_id = c.id)
           or not exists (select 1 from domain_events e where e.customer_id = c.id and e.type = 'customer.created')`,
  );
  expect(orphans[0]?.n).toBe(0);
  const undispatchedSince = Date.now();
  let undispatched = -1;
  while (Date.now() - undispatchedSince < 15_000) {
    undispatched =
      (
        await query<{ n: number }>(
          directUrl,
          "select count(*)::int as n from domain_events where dispatched_at is null",
        )
      )[0]?.n ?? -1;
    if (undispatched === 0) break;
    await sleep(500);
  }
  expect(undispatched).toBe(0);
  const answered = json<{ data: unknown[] }>(await api.get("/customers.json?limit=5"));
  expect(answered.data.length).toBeGreaterThan(0);
}

describe("the database goes away during traffic", () => {
  it("stopped for 30 s (connections dropped, new ones refused): 503 + Retry-After, then recovery without a restart", async () => {
    await trafficThroughOutage(() => present(proxy, "the proxy").cut(), OUTAGE_MS);
  });

  it("hung for 20 s (accepts, never answers): still a prompt 503 + Retry-After, then recovery without a restart", async () => {
    await trafficThroughOutage(() => present(proxy, "the proxy").freeze(), 20_000);
  });
});

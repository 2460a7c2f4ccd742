// The report cost limit under load: the app on a seeded book (100,000 customers),
// a burst of 25 parallel GET /metrics.json from one API key while another key lists and creates
// customers, then 10 s of 25 report callers that never let up beside the same ordinary traffic.
// What must hold: the other key's requests all succeed (no 503), and the reports' excess gets 429.
import { randomBytes } from "node:crypto";
import http from "node:http";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { benchAppEnv, createApiKey, startBenchApp } from "../api/app-process";
import { type LoadRequest, type LoadResult, runLoad, send } from "../api/load";
import { customerCreates, firstPage } from "../api/requests";

const BURST = 25;
const ORDINARY_CONNECTIONS = 8;
const SUSTAINED_SECONDS = 10;

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
const metrics = (): LoadRequest => ({ method: "GET", path: "/metrics.json" });

/** The other key's traffic: the first page of customers and a create, in turn. */
function ordinaryTraffic(): () => LoadRequest {
  const create = customerCreates(`burst-${Date.now().toString(36)}`);
  let turn = 0;
  return () => (turn++ % 2 === 0 ? firstPage() : create("ordinary"));
}

export async function measureReportBurst(
  databaseUrl: string,
  port = Number(process.env.BENCH_BURST_PORT ?? 3702),
) {
  const env = {
    ...benchAppEnv(port),
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    ENCRYPTION_KEY: randomBytes(32).toString("base64url"),
    DONUTWORK_DATA_DIR: ".data-bench/report-burst",
  };
  const logFile = path.resolve("bench/results/app-report-burst.log");
  console.log(
    `report burst: starting the app on :${port} on the seeded book (log in ${path.relative(".", logFile)})`,
  );
  const app = await startBenchApp(env, logFile);
  try {
    const reportKey = app.secret;
    const otherKey = await createApiKey({ ...env, NODE_OPTIONS: "" });

    // 1. One burst, with the other key's traffic running from a second before it until after it.
    const ordinary = runLoad({
      port,
      connections: ORDINARY_CONNECTIONS,
      seconds: 8,
      headers: bearer(otherKey),
      next: ordinaryTraffic(),
    });
    await sleep(1_000);
    const agent = new http.Agent({ keepAlive: false });
    const burstStart = performance.now();
    const burst = await Promise.all(
      Array.from({ length: BURST }, async () => {
        const sent = performance.now();
        const { status } = await send(agent, port, metrics(), bearer(reportKey));
        return { status, ms: performance.now() - sent };
      }),
    );
    const burstMs = performance.now() - burstStart;
    const during = await ordinary;
    console.log(
      `report burst: ${BURST} × GET /metrics.json at once from one key, done in ${Math.round(burstMs)} ms: ${describeBurst(burst)}`,
    );
    console.log(
      `report burst: meanwhile another key (${ORDINARY_CONNECTIONS} connections): ${describeLoad(during)}`,
    );

    // 2. Report callers that never let up, beside the same ordinary traffic.
    const [reports, others] = await Promise.all([
      runLoad({
        port,
        connections: BURST,
        seconds: SUSTAINED_SECONDS,
        headers: bearer(reportKey),
        next: metrics,
      }),
      runLoad({
        port,
        connections: ORDINARY_CONNECTIONS,
        seconds: SUSTAINED_SECONDS,
        headers: bearer(otherKey),
        next: ordinaryTraffic(),
      }),
    ]);
    console.log(
      `report burst: ${BURST} report callers for ${SUSTAINED_SECONDS} s, one key: ${describeLoad(reports)}`,
    );
    console.log(`report burst: meanwhile another key: ${describeLoad(others)}`);
    return { burst, burstMs, during, reports, others };
  } finally {
    await app.stop();
  }
}

function describeBurst(answers: { status: number; ms: number }[]): string {
  const byStatus = new Map<number, number[]>();
  for (const answer of answers)
    byStatus.set(answer.status, [...(byStatus.get(answer.status) ?? []), answer.ms]);
  return [...byStatus]
    .sort(([a], [b]) => a - b)
    .map(([status, times]) => `${times.length}× ${status} (slowest ${Math.round(Math.max(...times))} ms)`)
    .join(", ");
}

function describeLoad(result: LoadResult): string {
  const statuses = Object.entries(result.statuses)
    .map(([status, count]) => `${count}× ${status}`)
    .join(", ");
  return `${result.requests} requests (${statuses}), ${result.rps} req/s, p50 ${result.p50} p95 ${result.p95} p99 ${result.p99} max ${result.max} ms`;
}

// The metrics benchmark (issue 4): a fresh database with 100 000 customers and 200 000
// subscriptions, then one customer's metrics (~500 calls) and the whole book (~20 calls), timed
// through the same lib/server functions the endpoints call.
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { acquireDatabase } from "../../lib/runtime/embedded-database";
import { applyMigrations } from "../../lib/runtime/migrations";
import { seedBook } from "./seed-book";

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 100_000);

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function time(calls: number, run: (index: number) => Promise<unknown>) {
  const samples: number[] = [];
  for (let index = 0; index < calls; index += 1) {
    const start = performance.now();
    await run(index);
    samples.push(performance.now() - start);
  }
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), max: Math.max(...samples) };
}

const withDatabase = (url: string, name: string) =>
  Object.assign(new URL(url), { pathname: `/${name}` }).toString();

export async function runMetricsBench(): Promise<void> {
  const server = process.env.BENCH_DATABASE_URL
    ? { url: process.env.BENCH_DATABASE_URL, release: async () => {} }
    : await acquireDatabase((line) => console.error(line));
  const name = `bench_metrics_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: withDatabase(server.url, "postgres") });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = withDatabase(server.url, name);
  try {
    await applyMigrations(url);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const seedStart = performance.now();
    await seedBook(client, CUSTOMERS);
    const counts = await client.query<{ customers: string; subscriptions: string; snapshots: string }>(
      "select (select count(*) from customers) customers, (select count(*) from subscriptions) subscriptions, (select count(*) from mrr_snapshots) snapshots",
    );
    await client.end();
    const row = counts.rows[0];
    console.log(
      `seeded ${row?.customers} customers, ${row?.subscriptions} subscriptions, ${row?.snapshots} MRR history rows in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
    );

    process.env.DATABASE_URL = url;
    const { getCustomerMetrics } = await import("../../lib/server/metrics/get-customer-metrics");
    const { getBookMetrics } = await import("../../lib/server/metrics/get-book-metrics");
    const { closeDatabase } = await import("../../lib/db");
    const customerId = (index: number) => `cus_${String(1 + ((index * 7919) % CUSTOMERS)).padStart(26, "0")}`;

    await time(20, (index) => getCustomerMetrics({ customerId: customerId(index) })); // warm-up
    const one = await time(500, (index) => getCustomerMetrics({ customerId: customerId(index + 1000) }));
    await getBookMetrics({ atRiskLimit: 10 }); // warm-up
    const book = await time(20, () => getBookMetrics({ atRiskLimit: 10 }));
    await closeDatabase();

    const ms = (value: number) => `${value.toFixed(1)} ms`;
    console.log(
      `GET /customers/{id}/metrics.json  500 calls  p50 ${ms(one.p50)}  p95 ${ms(one.p95)}  max ${ms(one.max)}  (goal p95 < 20 ms)`,
    );
    console.log(
      `GET /metrics.json                  20 calls  p50 ${ms(book.p50)}  p95 ${ms(book.p95)}  max ${ms(book.max)}  (goal < 500 ms)`,
    );
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
    await server.release();
  }
}

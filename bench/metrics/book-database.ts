import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { acquireDatabase } from "../../lib/runtime/embedded-database";
import { applyMigrations } from "../../lib/runtime/migrations";
import { seedBook } from "./seed-book";

export const BOOK_CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 100_000);

const withDatabase = (url: string, name: string) =>
  Object.assign(new URL(url), { pathname: `/${name}` }).toString();

/**
 * A fresh database beside the embedded PostgreSQL (or on BENCH_DATABASE_URL's server), migrated
 * and seeded with a book of BOOK_CUSTOMERS customers (seed-book.ts), for the length of `use`.
 */
export async function withSeededBook<T>(use: (url: string) => Promise<T>): Promise<T> {
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
    await seedBook(client, BOOK_CUSTOMERS);
    const counts = await client.query<{ customers: string; subscriptions: string; snapshots: string }>(
      "select (select count(*) from customers) customers, (select count(*) from subscriptions) subscriptions, (select count(*) from mrr_snapshots) snapshots",
    );
    await client.end();
    const row = counts.rows[0];
    console.log(
      `seeded ${row?.customers} customers, ${row?.subscriptions} subscriptions, ${row?.snapshots} MRR history rows in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
    );
    return await use(url);
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
    await server.release();
  }
}

import pg from "pg";
import { acquireDatabase, type DatabaseHandle } from "../../lib/runtime/embedded-database";
import { applyMigrations } from "../../lib/runtime/migrations";
import { catchUpReviews, dueReviews, RESEED_ABOVE_DUE_REVIEWS } from "./review-backlog";
import { seededWithoutFigures } from "./seed";

export interface BenchDatabase extends DatabaseHandle {
  /** Whether pg_stat_statements is loaded (it needs a server restart, so only on the embedded server). */
  statements: boolean;
}

/**
 * The benchmark's database: BENCH_DATABASE_URL, or an embedded PostgreSQL in the data dir the
 * caller set in DONUTWORK_DATA_DIR. The benchmark starts that server itself, so the app (and the
 * CLI) join it, and it can preload pg_stat_statements, which counts the SQL each request issues.
 */
export async function openBenchDatabase(log: (line: string) => void): Promise<BenchDatabase> {
  const external = process.env.BENCH_DATABASE_URL;
  if (external) {
    await migrateOrReset(external, log);
    await catchUpReviews(external, log);
    return { url: external, release: async () => {}, statements: await enableStatements(external) };
  }
  delete process.env.DATABASE_URL;
  let handle = await acquireDatabase(log);
  if (!(await preloaded(handle.url))) {
    await withClient(handle.url, (client) =>
      client.query("alter system set shared_preload_libraries = 'pg_stat_statements'"),
    );
    await handle.release();
    handle = await acquireDatabase(log);
  }
  await migrateOrReset(handle.url, log);
  await catchUpReviews(handle.url, log);
  return { ...handle, statements: await enableStatements(handle.url) };
}

/**
 * Applies the app's migrations. The benchmark database is disposable: when its recorded history
 * no longer fits the migration folders (a migration renamed or rewritten while the code was in
 * flux), or its seeded customers have no kept figures (seeded before the seed wrote them, so the
 * app would back-fill them during the measurement), it is emptied and migrated afresh, and the
 * seed then runs again. So it is when more than RESEED_ABOVE_DUE_REVIEWS customers' kept figures
 * are due for review (a migration asked for them): the app would refresh them one by one in the
 * background while the benchmark measures, and reseeding is far quicker (review-backlog.ts).
 */
async function migrateOrReset(url: string, log: (line: string) => void): Promise<void> {
  try {
    await applyMigrations(url);
  } catch (error) {
    log(`migrations do not apply to the benchmark database (${firstLine(error)}): resetting it`);
    await resetDatabase(url);
    return;
  }
  if (await withClient(url, seededWithoutFigures)) {
    log("the seeded customers have no kept figures (an older seed): resetting the benchmark database");
    await resetDatabase(url);
    return;
  }
  const due = await withClient(url, dueReviews);
  if (due > RESEED_ABOVE_DUE_REVIEWS) {
    log(
      `${due} customers' kept figures are due for review (a migration asked for it): resetting the benchmark database`,
    );
    await resetDatabase(url);
  }
}

async function resetDatabase(url: string): Promise<void> {
  await withClient(url, (client) =>
    client.query("drop schema public cascade; create schema public; drop schema if exists pgboss cascade"),
  );
  await applyMigrations(url);
}

function firstLine(error: unknown): string {
  const text = String((error as Error).message ?? error);
  return text.match(/ERROR: [^\n]*/)?.[0] ?? text.split("\n")[0] ?? "";
}

async function preloaded(url: string): Promise<boolean> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ value: string }>(
      "select current_setting('shared_preload_libraries') as value",
    );
    return (rows[0]?.value ?? "").includes("pg_stat_statements");
  });
}

async function enableStatements(url: string): Promise<boolean> {
  if (!(await preloaded(url))) return false;
  await withClient(url, (client) => client.query("create extension if not exists pg_stat_statements"));
  return true;
}

export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Removes what the load phases created (external ids bench-…), with its audit records and
 * outbox events, so that every run measures the seeded size and not the seed plus past runs.
 */
export async function removeBenchRows(client: pg.Client): Promise<number> {
  await client.query("begin");
  const ids = await client.query<{ id: string }>("select id from customers where external_id like 'bench-%'");
  const list = ids.rows.map((row) => row.id);
  if (list.length > 0) {
    await client.query("delete from audit_records where entity_type = 'customer' and entity_id = any($1)", [
      list,
    ]);
    await client.query(
      "delete from webhook_deliveries where event_id in (select id from domain_events where customer_id = any($1))",
      [list],
    );
    await client.query("delete from domain_events where customer_id = any($1)", [list]);
    await client.query("delete from customers where id = any($1)", [list]);
  }
  await client.query("delete from idempotency_keys where key like 'bench-%'");
  await client.query("commit");
  if (list.length > 0) await client.query("vacuum (analyze) customers, audit_records, domain_events");
  return list.length;
}

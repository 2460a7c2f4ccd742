import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { TEST_DATA_DIR } from "../../playwright.config";

/**
 * The database the app under test uses: TEST_DATABASE_URL when set, otherwise the embedded
 * PostgreSQL that `scripts/start.ts` runs in the test data dir (as e2e/support/cli.ts finds it).
 * Specs only read from it, to check what the API really stored.
 */
export function testDatabaseUrl(): string {
  if (process.env.TEST_DATABASE_URL) return process.env.TEST_DATABASE_URL;
  const port = readFileSync(path.join(TEST_DATA_DIR, "postgres.port"), "utf8").trim();
  const secrets = JSON.parse(readFileSync(path.join(TEST_DATA_DIR, "secrets.json"), "utf8")) as {
    postgresPassword: string;
  };
  return `postgres://postgres:${encodeURIComponent(secrets.postgresPassword)}@127.0.0.1:${port}/donutwork`;
}

/** Runs one read-only query on a short-lived connection. */
export function queryDatabase<Row extends Record<string, unknown>>(
  sql: string,
  params: unknown[] = [],
): Promise<Row[]> {
  return queryDatabaseAt<Row>(testDatabaseUrl(), sql, params);
}

/** The same on another database (the deployed server's, e2e/security). */
export async function queryDatabaseAt<Row extends Record<string, unknown>>(
  url: string,
  sql: string,
  params: unknown[] = [],
): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

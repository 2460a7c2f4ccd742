import { randomBytes } from "node:crypto";
import pg from "pg";
import { acquireDatabase, type DatabaseHandle } from "../../lib/runtime/embedded-database";

/**
 * A fresh, empty database for one test file, on TEST_DATABASE_URL's server or on the embedded
 * PostgreSQL of the test data dir. Dropped again by `drop()`.
 */
export async function freshDatabase(label: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const server: DatabaseHandle = process.env.TEST_DATABASE_URL
    ? { url: process.env.TEST_DATABASE_URL, release: async () => {} }
    : await acquireDatabase();
  const name = `test_${label}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: withDatabase(server.url, "postgres") });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  return {
    url: withDatabase(server.url, name),
    drop: async () => {
      const cleanup = new pg.Client({ connectionString: withDatabase(server.url, "postgres") });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
      await server.release();
    },
  };
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

import { randomBytes } from "node:crypto";
import pg from "pg";
import { acquireDatabase, type DatabaseHandle } from "../../lib/runtime/embedded-database";
import { TEST_DATABASE_URL, withEnvironment } from "./environment";

// One server per test process, shared by its databases and released with the last of them: if
// this process started the embedded PostgreSQL, stopping it earlier would cut the others off.
let server: Promise<DatabaseHandle> | undefined;
let users = 0;

function acquireServer(): Promise<DatabaseHandle> {
  users += 1;
  server ??= TEST_DATABASE_URL
    ? Promise.resolve({ url: TEST_DATABASE_URL, release: async () => {} })
    : acquireDatabase();
  return server;
}

async function releaseServer(): Promise<void> {
  users -= 1;
  if (users > 0 || !server) return;
  const handle = await server;
  server = undefined;
  await handle.release();
}

/**
 * A fresh, empty database for a test, on TEST_DATABASE_URL's server or on the embedded
 * PostgreSQL of the test data dir. Dropped again by `drop()`.
 */
export async function freshDatabase(label: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const { url: serverUrl } = await acquireServer();
  const name = `test_${label}_${randomBytes(4).toString("hex")}`;
  await onMaintenanceDatabase(serverUrl, `create database ${name}`);
  return {
    url: withDatabase(serverUrl, name),
    drop: async () => {
      await onMaintenanceDatabase(serverUrl, `drop database if exists ${name} with (force)`);
      await releaseServer();
    },
  };
}

/**
 * The embedded PostgreSQL of `dataDir`, started by this process with the same code the app and
 * the CLI use (or joined, if an app of that data dir runs it): a server of the test's own.
 */
export function acquireEmbeddedServer(dataDir: string): Promise<DatabaseHandle> {
  return withEnvironment({ DONUTWORK_DATA_DIR: dataDir, DATABASE_URL: undefined }, acquireDatabase);
}

async function onMaintenanceDatabase(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

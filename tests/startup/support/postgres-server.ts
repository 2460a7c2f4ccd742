// A PostgreSQL server of the test's own, for starts with DATABASE_URL: the embedded one, started
// by this process from a throwaway data dir (the same code the app and the CLI use), or from a
// data dir an app made, to look into its database while the app is stopped.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { type AppProcess, stopApp } from "../../resilience/support/app";
import { acquireEmbeddedServer } from "../../support/database";
import { queryOnce } from "../../support/database-query";
import { present } from "../../support/present";

export interface TestServer {
  /** A URL of the server with the superuser, on database `name`. */
  urlOf(name: string): string;
  query(database: string, sql: string, values?: unknown[]): Promise<pg.QueryResultRow[]>;
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

export async function startTestServer(existingDataDir?: string): Promise<TestServer> {
  const dir = existingDataDir ?? mkdtempSync(path.join(os.tmpdir(), "dw-server-"));
  // The test's own server, not what is under test: enterable, as it was before start-up coped with 0700.
  if (!existingDataDir) chmodSync(dir, 0o755);
  const handle = await acquireEmbeddedServer(dir);
  const urlOf = (name: string) => {
    const url = new URL(handle.url);
    url.pathname = `/${name}`;
    return url.toString();
  };
  const query = (database: string, sql: string, values: unknown[] = []) =>
    queryOnce(urlOf(database), sql, values);
  return {
    urlOf,
    query,
    createDatabase: async (name) => {
      await query("postgres", `create database ${name}`);
      return urlOf(name);
    },
    stop: async () => {
      await handle.release();
      if (!existingDataDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * What a start-up test file shares: a test server started before its tests, and the apps and
 * clean-ups its tests register, stopped and run (newest first) after them, then the server.
 */
export function testServerForFile() {
  let started: TestServer | undefined;
  const apps: AppProcess[] = [];
  const cleanups: (() => Promise<unknown> | unknown)[] = [];
  beforeAll(async () => {
    started = await startTestServer();
  });
  afterAll(async () => {
    for (const app of apps) await stopApp(app);
    for (const cleanup of cleanups.reverse()) await cleanup();
    await started?.stop();
  });
  const current = () => present(started, "the test server (started before the tests)");
  const server: TestServer = {
    urlOf: (name) => current().urlOf(name),
    query: (database, sql, values) => current().query(database, sql, values),
    createDatabase: (name) => current().createDatabase(name),
    stop: () => current().stop(),
  };
  return { server, apps, cleanups };
}

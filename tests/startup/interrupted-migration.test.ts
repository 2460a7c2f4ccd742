// Ctrl-C during the first migration, then `npm start` again: the database ends up fully
// migrated, and what the interrupted start left is exactly the migrations it had finished,
// nothing of the one in progress. The interruption is placed deterministically: an event trigger
// makes the migrating transaction wait, right after it created a chosen object, on a lock this
// test holds; the test presses Ctrl-C once PostgreSQL shows that wait (the event), not after a
// sleep. Then, in local mode, Ctrl-C as soon as the app says it applies migrations.
import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { describe, expect, it } from "vitest";
import type { AppProcess } from "../resilience/support/app";
import { type Catalog, catalog } from "../support/catalog";
import { startTestServer, testServerForFile } from "./support/postgres-server";
import { CHECKOUT } from "./support/private-home";
import { npmStart, pressCtrlC, waitForLine } from "./support/user-start";

const MIGRATIONS = path.join(CHECKOUT, "prisma", "migrations");
const FOLDERS = readdirSync(MIGRATIONS, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const PAUSE_LOCK = 4242;

/**
 * The newest migration that creates a named object (table, index or statistics; a migration that
 * only alters tables names none of its own), and the last object it creates: a pause there
 * leaves every earlier migration applied and that one all but finished.
 */
function lastCreatedObject(): { object: string; migration: number } {
  for (let migration = FOLDERS.length - 1; migration >= 0; migration--) {
    const sql = readFileSync(path.join(MIGRATIONS, FOLDERS[migration] ?? "", "migration.sql"), "utf8");
    const objects = [...sql.matchAll(/CREATE (?:UNIQUE )?(?:TABLE|INDEX|STATISTICS) "([^"]+)"/g)];
    const last = objects.at(-1)?.[1];
    if (last) return { object: `public.${last}`, migration };
  }
  throw new Error("no migration creates anything to pause after");
}

const { server, apps, cleanups } = testServerForFile();
const references = new Map<number, Promise<Catalog>>();

function scratchDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  chmodSync(dir, 0o755); // enterable by anyone: these tests are about migrations alone
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function freshDatabase(label: string): Promise<{ name: string; url: string }> {
  const name = `dw_${label}_${randomBytes(3).toString("hex")}`;
  const url = await server.createDatabase(name);
  cleanups.push(() => server.query("postgres", `drop database if exists ${name} with (force)`));
  return { name, url };
}

/**
 * The schema of a database migrated by exactly the first `count` migrations, made here without
 * the app's migration runner: each migration's file sent as one batch.
 */
function referenceAfter(count: number): Promise<Catalog> {
  let reference = references.get(count);
  if (!reference) {
    reference = (async () => {
      const { name, url } = await freshDatabase(`reference_${count}`);
      for (const folder of FOLDERS.slice(0, count))
        await server.query(name, readFileSync(path.join(MIGRATIONS, folder, "migration.sql"), "utf8"));
      return catalog(url);
    })();
    references.set(count, reference);
  }
  return reference;
}

/** The server to read from: the file's own, or the embedded one a local-mode start left behind. */
type Queryable = Pick<typeof server, "query">;

async function finishedMigrations(database: string, on: Queryable = server): Promise<string[]> {
  const exists = await on.query(database, "select to_regclass('_prisma_migrations') as name");
  if (!exists[0]?.name) return [];
  const rows = await on.query(
    database,
    `select migration_name, finished_at is not null as finished from "_prisma_migrations" order by migration_name`,
  );
  expect(rows.filter((row) => !row.finished)).toEqual([]); // never a started, unfinished row
  return rows.map((row) => String(row.migration_name));
}

/** After the interruption: exactly the finished migrations are there, nothing of any other. */
async function expectWholeMigrationsOnly(
  database: string,
  url: string,
  on: Queryable = server,
): Promise<string[]> {
  const finished = await finishedMigrations(database, on);
  expect(finished).toEqual(FOLDERS.slice(0, finished.length));
  expect(await catalog(url)).toEqual(await referenceAfter(finished.length));
  return finished;
}

/** Start again, as the user would, until its migrations are through; then stop it. */
async function startAgainUntilMigrated(name: string, port: number, env: Record<string, string>) {
  const app = npmStart(CHECKOUT, { name, port, home: os.homedir(), env });
  apps.push(app);
  await waitForLine(app, /^\[donutwork\] Database migrations applied\.$/);
  expect(await pressCtrlC(app)).toEqual({ stoppedCleanly: true });
}

async function installPause(database: string, objectIdentity: string): Promise<void> {
  await server.query(
    database,
    `create schema dw_test;
     create table dw_test.pause_after (object_identity text primary key);
     insert into dw_test.pause_after values ('${objectIdentity.replaceAll("'", "''")}');
     create function dw_test.pause() returns event_trigger language plpgsql as $$
     begin
       if exists (select 1 from pg_event_trigger_ddl_commands() c join dw_test.pause_after p using (object_identity)) then
         perform pg_advisory_xact_lock(${PAUSE_LOCK});
       end if;
     end $$;
     create event trigger dw_test_pause on ddl_command_end execute function dw_test.pause();`,
  );
}

async function removePause(database: string): Promise<void> {
  await server.query(database, "drop event trigger dw_test_pause; drop schema dw_test cascade;");
}

/** The backend that waits on the pause lock: the migration, stopped right after `objectIdentity`. */
async function waitForPausedMigration(database: string, app: AppProcess): Promise<number> {
  for (let attempt = 0; attempt < 1_800; attempt++) {
    const rows = await server.query(
      database,
      `select pid from pg_locks where locktype = 'advisory' and objid = $1 and not granted`,
      [PAUSE_LOCK],
    );
    if (rows[0]) return Number(rows[0].pid);
    if (app.child.exitCode !== null) throw new Error(`the app exited first:\n${app.output.join("\n")}`);
    await sleep(100);
  }
  throw new Error(`the migration never reached the pause:\n${app.output.join("\n")}`);
}

async function waitUntilGone(database: string, pid: number): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    const rows = await server.query(database, "select 1 from pg_stat_activity where pid = $1", [pid]);
    if (rows.length === 0) return;
    await sleep(100);
  }
  throw new Error(`backend ${pid} is still there`);
}

describe("Ctrl-C during the first migration, then npm start again", () => {
  const points = [
    {
      after: 'public."StaffRole"',
      finishedBefore: 0,
      port: 3750,
      label: "in the first statements of the first migration",
    },
    {
      after: "public.charges",
      finishedBefore: 1,
      port: 3752,
      label: "half-way through the second migration",
    },
    {
      after: lastCreatedObject().object,
      finishedBefore: lastCreatedObject().migration,
      port: 3754,
      label: "after the last object of the newest migration that creates one",
    },
  ];

  for (const point of points)
    it(`leaves whole migrations only, and ends fully migrated: interrupted ${point.label}`, async () => {
      const database = await freshDatabase("interrupted");
      await installPause(database.name, point.after);
      const holder = new pg.Client({ connectionString: server.urlOf(database.name) });
      await holder.connect();
      cleanups.push(() => holder.end().catch(() => {}));
      await holder.query("select pg_advisory_lock($1)", [PAUSE_LOCK]);

      const env = {
        DATABASE_URL: database.url,
        AUTH_SECRET: randomBytes(32).toString("base64url"),
        DONUTWORK_DATA_DIR: path.join(scratchDir("dw-interrupted-"), "data"),
      };
      const app = npmStart(CHECKOUT, {
        name: `interrupted-${point.port}`,
        port: point.port,
        home: os.homedir(),
        env,
      });
      apps.push(app);
      const migrating = await waitForPausedMigration(database.name, app);
      expect(await pressCtrlC(app)).toEqual({ stoppedCleanly: true });

      // The migrating backend outlives its client while it waits; let it go on and see it end.
      await holder.query("select pg_advisory_unlock($1)", [PAUSE_LOCK]);
      await waitUntilGone(database.name, migrating);
      await removePause(database.name);
      expect(await expectWholeMigrationsOnly(database.name, database.url)).toEqual(
        FOLDERS.slice(0, point.finishedBefore),
      );

      await startAgainUntilMigrated(`again-${point.port}`, point.port + 1, env);
      expect(await finishedMigrations(database.name)).toEqual(FOLDERS);
      expect(await catalog(database.url)).toEqual(await referenceAfter(FOLDERS.length));
    });

  it("in local mode (the embedded PostgreSQL stops with Ctrl-C too): whole migrations only, then fully migrated", async () => {
    const dataDir = path.join(scratchDir("dw-interrupted-local-"), "data");
    const env = { DONUTWORK_DATA_DIR: dataDir };
    const app = npmStart(CHECKOUT, { name: "interrupted-local", port: 3756, home: os.homedir(), env });
    apps.push(app);
    await waitForLine(app, /^\[donutwork\] Applying \d+ database migrations…$/);
    expect(await pressCtrlC(app)).toEqual({ stoppedCleanly: true });

    const left = await startTestServer(dataDir);
    try {
      await expectWholeMigrationsOnly("donutwork", left.urlOf("donutwork"), left);
    } finally {
      await left.stop();
    }
    await startAgainUntilMigrated("again-local", 3757, env);
    const done = await startTestServer(dataDir);
    try {
      const rows = await done.query(
        "donutwork",
        `select migration_name from "_prisma_migrations" where finished_at is not null`,
      );
      expect(rows.map((row) => row.migration_name).sort()).toEqual(FOLDERS);
      expect(await catalog(done.urlOf("donutwork"))).toEqual(await referenceAfter(FOLDERS.length));
    } finally {
      await done.stop();
    }
  });
});

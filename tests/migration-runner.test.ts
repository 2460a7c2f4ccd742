// The migration runner (lib/runtime/migrations.ts) against a real PostgreSQL: atomic migrations,
// Prisma's own history table, recovery from what `prisma migrate deploy` leaves behind, two
// starts at once, and a role that may not create tables.
import { randomBytes } from "node:crypto";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { applyMigrations, runPrisma } from "../lib/runtime/migrations";
import { freshDatabase } from "./support/database";

const created: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of created.reverse()) await cleanup();
});

async function database(label: string) {
  const fresh = await freshDatabase(label);
  created.push(fresh.drop);
  return fresh.url;
}

/** A Prisma project of its own (config, schema, migrations) inside the checkout, so its config resolves our node_modules. */
function project(migrations: Record<string, string>) {
  const root = mkdtempSync(path.resolve(".data-test-migrations-"));
  created.push(() => rmSync(root, { recursive: true, force: true }));
  copyFileSync("prisma.config.ts", path.join(root, "prisma.config.ts"));
  mkdirSync(path.join(root, "prisma", "migrations"), { recursive: true });
  copyFileSync(
    "prisma/migrations/migration_lock.toml",
    path.join(root, "prisma", "migrations", "migration_lock.toml"),
  );
  writeFileSync(
    path.join(root, "prisma", "schema.prisma"),
    'generator client {\n  provider = "prisma-client"\n  output = "./generated"\n  previewFeatures = ["driverAdapters", "queryCompiler"]\n  engineType = "client"\n}\ndatasource db {\n  provider = "postgresql"\n  url = env("DATABASE_URL")\n}\n',
  );
  const directory = path.join(root, "prisma", "migrations");
  const write = (files: Record<string, string>) => {
    for (const [name, sql] of Object.entries(files)) {
      mkdirSync(path.join(directory, name), { recursive: true });
      writeFileSync(path.join(directory, name, "migration.sql"), sql);
    }
  };
  write(migrations);
  return { root, directory, write };
}

async function rows<T extends pg.QueryResultRow>(
  url: string,
  sql: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/** A fault for the user (printed without a stack trace by start-up), not a crash. */
function expectUserFacing(failure: unknown) {
  expect((failure as Error).constructor.name).toBe("StartupError");
}

const tables = async (url: string) =>
  (
    await rows<{ tablename: string }>(
      url,
      "select tablename from pg_tables where schemaname = 'public' order by tablename",
    )
  ).map((row) => row.tablename);

const history = (url: string) =>
  rows<{ migration_name: string; finished: boolean; rolled_back: boolean }>(
    url,
    `select migration_name, finished_at is not null as finished, rolled_back_at is not null as rolled_back
     from "_prisma_migrations" order by started_at, migration_name`,
  );

describe("applyMigrations", () => {
  it("applies a migration and its history row in one transaction: a failing one leaves nothing of itself and is named", async () => {
    const url = await database("atomic");
    const { directory, write } = project({
      "1_ok": "CREATE TABLE a (x int);",
      "2_bad": "CREATE TABLE b (x int);\nCREATE TABLE c (x int);\nSELECT 1/0;",
    });
    const failure = await applyMigrations(url, { directory }).catch((error: Error) => error);
    expectUserFacing(failure);
    expect((failure as Error).message).toMatch(
      /^migration 2_bad cannot be applied to 127\.0\.0\.1:\d+\/test_atomic_\w+: division by zero\. Nothing of it was applied\.$/,
    );
    expect(await tables(url)).toEqual(["_prisma_migrations", "a"]);
    expect(await history(url)).toEqual([{ migration_name: "1_ok", finished: true, rolled_back: false }]);

    write({ "2_bad": "CREATE TABLE b (x int);\nCREATE TABLE c (x int);" });
    expect(await applyMigrations(url, { directory })).toEqual(["2_bad"]);
    expect(await tables(url)).toEqual(["_prisma_migrations", "a", "b", "c"]);
  });

  it("keeps Prisma's history table: `prisma migrate status` finds the database up to date", async () => {
    const url = await database("status");
    expect((await applyMigrations(url)).length).toBeGreaterThan(0);
    expect(await applyMigrations(url)).toEqual([]);
    const status = await runPrisma(["migrate", "status"], url);
    expect(status).toContain("Database schema is up to date!");
  }, 60_000);

  it("applies again a migration that `prisma migrate deploy` left failed (P3009) with nothing of it applied", async () => {
    const url = await database("p3009");
    const { root, directory, write } = project({
      "1_ok": "CREATE TABLE a (x int);",
      "2_later": "SELECT 1/0;\nCREATE TABLE d (x int);",
    });
    await expect(runPrisma(["migrate", "deploy"], url, { cwd: root })).rejects.toThrow(/division by zero/);
    // What makes every later `prisma migrate deploy` stop with P3009: a started, unfinished row.
    expect(await history(url)).toEqual([
      { migration_name: "1_ok", finished: true, rolled_back: false },
      { migration_name: "2_later", finished: false, rolled_back: false },
    ]);
    write({ "2_later": "CREATE TABLE d (x int);" });

    expect(await applyMigrations(url, { directory })).toEqual(["2_later"]);
    expect(await tables(url)).toEqual(["_prisma_migrations", "a", "d"]);
    expect(await history(url)).toEqual([
      { migration_name: "1_ok", finished: true, rolled_back: false },
      { migration_name: "2_later", finished: false, rolled_back: true },
      { migration_name: "2_later", finished: true, rolled_back: false },
    ]);
    expect(await runPrisma(["migrate", "status"], url, { cwd: root })).toContain(
      "Database schema is up to date!",
    );
  }, 90_000);

  it("stops with the way out when `prisma migrate deploy` left a migration half-applied", async () => {
    const url = await database("half");
    const { root, directory, write } = project({ "1_half": "CREATE TABLE e (x int);\nSELECT 1/0;" });
    await expect(runPrisma(["migrate", "deploy"], url, { cwd: root })).rejects.toThrow(/division by zero/);
    expect(await tables(url)).toEqual(["_prisma_migrations", "e"]); // what Prisma left: half of it
    write({ "1_half": "CREATE TABLE e (x int);\nCREATE TABLE f (x int);" });

    const failure = await applyMigrations(url, { directory }).catch((error: Error) => error);
    expectUserFacing(failure);
    expect((failure as Error).message).toContain('relation "e" already exists. Nothing of it was applied.');
    expect((failure as Error).message).toContain("npx prisma migrate resolve --applied 1_half");
    expect(await tables(url)).toEqual(["_prisma_migrations", "e"]);
  }, 60_000);

  it("lets two starts migrate at once: one applies every migration, once, the other finds nothing to do", async () => {
    const url = await database("race");
    const results = await Promise.all([applyMigrations(url), applyMigrations(url)]);
    const applied = results.find((names) => names.length > 0) ?? [];
    expect(results).toContainEqual([]);
    expect((await history(url)).map((row) => row.migration_name)).toEqual(applied);
  });

  it("names the server, the role and the missing right when the role may not create tables, and creates nothing", async () => {
    const url = await database("rights");
    const role = `dw_limited_${randomBytes(3).toString("hex")}`;
    const password = `pw-${randomBytes(9).toString("hex")}`;
    await rows(url, `create role ${role} login password '${password}'`);
    created.push(async () => {
      await rows(url, `drop owned by ${role}`).catch(() => {});
      await rows(url, `drop role if exists ${role}`).catch(() => {});
    });
    const limited = new URL(url);
    limited.username = role;
    limited.password = password;

    const failure = await applyMigrations(limited.toString()).catch((error: Error) => error);
    expectUserFacing(failure);
    const message = (failure as Error).message;
    expect(message).toMatch(
      new RegExp(
        `^role "${role}" lacks CREATE on schema public \\(for the tables: GRANT CREATE ON SCHEMA public TO ${role}\\), and CREATE on database test_rights_\\w+ \\(for the extension pg_trgm: GRANT CREATE ON DATABASE test_rights_\\w+ TO ${role}\\) on the PostgreSQL server at 127\\.0\\.0\\.1:\\d+/test_rights_\\w+\\. Grant it, or use a role that owns the database\\.$`,
      ),
    );
    expect(message).not.toContain(password);
    expect(await tables(url)).toEqual([]);
  });
});

import { spawn } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { requireCreateRights } from "./database-rights";
import { describeServer } from "./database-server";
import { StartupError } from "./startup-error";

const prismaCli = path.resolve("node_modules/prisma/build/index.js");
const MIGRATIONS_DIR = path.resolve("prisma/migrations");

// The advisory lock `prisma migrate` holds while it works (found in its schema engine), so that
// a `prisma migrate deploy` someone runs by hand and these never interleave.
const PRISMA_MIGRATE_LOCK = 72707369;

// The table exactly as `prisma migrate` creates it, so `prisma migrate status` reads ours.
const CREATE_HISTORY = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/** Runs the Prisma CLI (JavaScript engine, nothing downloaded) against `databaseUrl`. */
export function runPrisma(
  args: string[],
  databaseUrl: string,
  options: { quiet?: boolean; cwd?: string } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [prismaCli, ...args], {
      cwd: options.cwd,
      env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code === 0) resolve(output);
      else
        reject(new Error(`prisma ${args.join(" ")} failed (exit ${code}):\n${options.quiet ? "" : output}`));
    });
  });
}

interface MigrationOptions {
  log?: (line: string) => void;
  /** prisma/migrations unless a test passes its own. */
  directory?: string;
}

/**
 * Applies the pending migrations of prisma/migrations, each in one transaction together with
 * its row in Prisma's `_prisma_migrations`: a migration is applied and recorded, or neither.
 * `prisma migrate deploy` runs a migration statement by statement and records it apart, so a
 * Ctrl-C or a failing statement leaves it half-applied and marked failed, and every later deploy
 * stops with P3009. Here an interruption at any point rolls back the whole migration, and the
 * next start applies it again. The history stays Prisma's, so `prisma migrate status` and
 * `prisma migrate deploy` agree with it. Returns the names applied.
 */
export async function applyMigrations(
  databaseUrl: string,
  options: MigrationOptions = {},
): Promise<string[]> {
  const directory = options.directory ?? MIGRATIONS_DIR;
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on("error", () => {}); // a connection lost mid-way fails the query in progress
  await client.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK]);
    const history = await readHistory(client);
    const pending = migrationFolders(directory).filter((name) => !history.applied.has(name));
    if (pending.length === 0) return [];
    const scripts = pending.map((name) => ({
      name,
      sql: readFileSync(path.join(directory, name, "migration.sql"), "utf8"),
    }));
    await requireCreateRights(client, databaseUrl, {
      inCurrentSchema: true,
      extensions: scripts.flatMap(({ sql }) => extensionsCreatedBy(sql)),
    });
    await client.query(CREATE_HISTORY);
    options.log?.(`Applying ${pending.length} database migration${pending.length === 1 ? "" : "s"}…`);
    for (const { name, sql } of scripts)
      await applyOne(client, databaseUrl, name, sql, history.unfinished.has(name));
    return pending;
  } finally {
    await client.end().catch(() => {});
  }
}

async function applyOne(client: pg.Client, url: string, name: string, sql: string, leftUnfinished: boolean) {
  await client.query("begin");
  try {
    // A row `prisma migrate deploy` left when it failed or was interrupted: superseded by this attempt.
    if (leftUnfinished)
      await client.query(
        `update "_prisma_migrations" set rolled_back_at = now() where migration_name = $1 and finished_at is null and rolled_back_at is null`,
        [name],
      );
    await client.query(sql);
    await client.query(
      `insert into "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       values ($1, $2, $3, now(), clock_timestamp(), 1)`,
      [randomUUID(), createHash("sha256").update(sql).digest("hex"), name],
    );
    await client.query("commit");
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw migrationFailed(error as Error & { code?: string }, url, name, leftUnfinished);
  }
}

function migrationFailed(
  error: Error & { code?: string },
  url: string,
  name: string,
  leftUnfinished: boolean,
) {
  const at = describeServer(url).where;
  if (error.code === "42501")
    return new StartupError([
      `role "${describeServer(url).role}" lacks a right migration ${name} needs on ${at}: ${error.message}. Grant it, or use a role that owns the database.`,
    ]);
  if (!error.code) return error; // not PostgreSQL's answer: a lost connection, an interruption
  const earlier = leftUnfinished
    ? ` An earlier \`prisma migrate deploy\` stopped inside this migration and may have left part of it: remove that part, or finish it by hand and run \`npx prisma migrate resolve --applied ${name}\`.`
    : "";
  return new StartupError([
    `migration ${name} cannot be applied to ${at}: ${error.message}. Nothing of it was applied.${earlier}`,
  ]);
}

async function readHistory(client: pg.Client): Promise<{ applied: Set<string>; unfinished: Set<string> }> {
  const table = await client.query("select to_regclass('_prisma_migrations') as name");
  if (!table.rows[0]?.name) return { applied: new Set(), unfinished: new Set() };
  const { rows } = await client.query<{ migration_name: string; finished: boolean }>(
    `select migration_name, finished_at is not null as finished from "_prisma_migrations" where rolled_back_at is null`,
  );
  return {
    applied: new Set(rows.filter((row) => row.finished).map((row) => row.migration_name)),
    unfinished: new Set(rows.filter((row) => !row.finished).map((row) => row.migration_name)),
  };
}

function migrationFolders(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

function extensionsCreatedBy(sql: string): string[] {
  return [...sql.matchAll(/CREATE EXTENSION IF NOT EXISTS "?([\w-]+)"?/gi)].map((match) => match[1] ?? "");
}

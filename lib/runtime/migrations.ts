import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";

const prismaCli = path.resolve("node_modules/prisma/build/index.js");

/** Runs the Prisma CLI (JavaScript engine, nothing downloaded) against `databaseUrl`. */
export function runPrisma(
  args: string[],
  databaseUrl: string,
  options: { quiet?: boolean } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [prismaCli, ...args], {
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

/**
 * Applies pending migrations. `prisma migrate deploy` takes ~10 s with the WebAssembly engine
 * even when there is nothing to do, so it only runs when a migration folder is not yet recorded
 * as applied; this keeps the CLI and restarts quick.
 */
export async function applyMigrations(databaseUrl: string): Promise<void> {
  if ((await pendingMigrations(databaseUrl)).length === 0) return;
  await runPrisma(["migrate", "deploy"], databaseUrl);
}

export async function pendingMigrations(databaseUrl: string): Promise<string[]> {
  const folders = readdirSync(path.resolve("prisma/migrations"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const table = await client.query("select to_regclass('_prisma_migrations') as name");
    if (!table.rows[0]?.name) return folders;
    const applied = await client.query<{ migration_name: string }>(
      "select migration_name from _prisma_migrations where finished_at is not null and rolled_back_at is null",
    );
    const done = new Set(applied.rows.map((row) => row.migration_name));
    return folders.filter((folder) => !done.has(folder));
  } finally {
    await client.end();
  }
}

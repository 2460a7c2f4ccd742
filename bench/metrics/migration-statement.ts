import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const MIGRATIONS = "prisma/migrations";

/**
 * One statement of a migration, the first that starts with `start` (up to its `;`), so the
 * seed fills kept tables with the migration's own back-fill rather than a copy of it.
 */
export function migrationStatement(name: string, start: string): string {
  const dir = readdirSync(MIGRATIONS).find((entry) => entry.endsWith(`_${name}`));
  if (!dir) throw new Error(`no migration named ${name}`);
  const sql = readFileSync(path.join(MIGRATIONS, dir, "migration.sql"), "utf8");
  const from = sql.indexOf(start);
  if (from === -1) throw new Error(`${name} has no statement starting with ${start}`);
  return sql.slice(from, sql.indexOf(";", from) + 1);
}

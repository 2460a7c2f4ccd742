// npm run db:migration NAME: authors prisma/migrations/<timestamp>_<name>/migration.sql from the
// difference between the committed schema.prisma and the edited one. `prisma migrate dev` cannot
// run here (it introspects, which the JavaScript engine cannot: README "Migrations").
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { acquireDatabase } from "../lib/runtime/embedded-database";
import { runPrisma } from "../lib/runtime/migrations";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration <name_in_snake_case>");
  process.exit(2);
}

const from = committedSchema();
const to = "prisma/schema.prisma";
// The JavaScript engine reaches the diff through the driver adapter, so it needs a database to connect to.
const database = await acquireDatabase((line) => console.error(line));
const sql = await runPrisma(
  [
    "migrate",
    "diff",
    from ? "--from-schema-datamodel" : "--from-empty",
    ...(from ? [from] : []),
    "--to-schema-datamodel",
    to,
    "--script",
  ],
  database.url,
).finally(() => database.release());
if (/This is an empty migration/.test(sql)) {
  console.error("schema.prisma has not changed since the last commit: nothing to migrate.");
  process.exit(1);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join("prisma/migrations", `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
// The CLI prints banner lines before the script; the SQL starts at its first comment.
writeFileSync(path.join(dir, "migration.sql"), sql.slice(Math.max(0, sql.indexOf("--"))));
console.log(`Wrote ${dir}/migration.sql: review it, then commit it with schema.prisma.`);

function committedSchema(): string | null {
  try {
    const text = execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "schema-")), "schema.prisma");
    writeFileSync(file, text);
    return file;
  } catch {
    return null;
  }
}

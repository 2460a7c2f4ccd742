// npm run db:migrate: applies pending migrations to DATABASE_URL or the embedded database.
import { acquireDatabase } from "../lib/runtime/embedded-database";
import { applyMigrations } from "../lib/runtime/migrations";
import { exitOnUserFacingProblem } from "../lib/runtime/startup-failure";

const log = (line: string) => console.error(line);
const database = await exitOnUserFacingProblem("error", () => acquireDatabase(log));
try {
  const applied = await exitOnUserFacingProblem("error", () => applyMigrations(database.url, { log }));
  console.log(applied.length > 0 ? `Migrations applied: ${applied.join(", ")}.` : "No pending migrations.");
} finally {
  await database.release();
}

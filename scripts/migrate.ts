// npm run db:migrate: applies pending migrations to DATABASE_URL or the embedded database.
import { acquireDatabase } from "../lib/runtime/embedded-database";
import { applyMigrations } from "../lib/runtime/migrations";

const database = await acquireDatabase((line) => console.error(line));
try {
  await applyMigrations(database.url);
  console.log("Migrations applied.");
} finally {
  await database.release();
}

import { randomBytes } from "node:crypto";
import { applyMigrations } from "../../lib/runtime/migrations";
import { freshDatabase } from "./database";
import { setEnvironment } from "./environment";

/**
 * The variables lib/env.ts insists on, for tests that run app code in the test process against
 * a fresh database (tests/support/database.ts). Set before the first import of anything that
 * reads the environment: lib/env.ts reads it once.
 */
export function setAppEnvironment(databaseUrl: string, overrides: Record<string, string> = {}): void {
  setEnvironment({
    DATABASE_URL: databaseUrl,
    APP_URL: "http://localhost:3999",
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    STRIPE_WEBHOOK_SECRET: `whsec_${randomBytes(24).toString("base64")}`,
    ENCRYPTION_KEY: randomBytes(32).toString("base64url"),
    ...overrides,
  });
}

/**
 * A fresh database with every migration applied and the app's environment pointed at it: what a
 * test that runs app code in its own process starts from. Call it before importing that code.
 */
export async function migratedAppDatabase(label: string, overrides: Record<string, string> = {}) {
  const database = await freshDatabase(label);
  await applyMigrations(database.url);
  setAppEnvironment(database.url, overrides);
  return database;
}

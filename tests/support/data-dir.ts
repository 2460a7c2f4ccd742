// What a test reads from an app's data dir (the folder `npm start` keeps local mode in): the
// secrets it generated, where its embedded PostgreSQL and Stripe emulator listen. The files are
// written by lib/runtime (local-secrets.ts, embedded-database.ts, local-stripe.ts); reading them
// here, rather than through that code, keeps the tests' view of the data dir independent of it.
import { readFileSync } from "node:fs";
import path from "node:path";

export interface DataDirSecrets {
  postgresPassword: string;
  authSecret: string;
  stripeWebhookSecret: string;
  encryptionKey: string;
}

export function secretsOf(dataDir: string): DataDirSecrets {
  return JSON.parse(readFileSync(path.join(dataDir, "secrets.json"), "utf8")) as DataDirSecrets;
}

/** The URL of a data dir's embedded PostgreSQL, as its superuser, on `database`. */
export function embeddedDatabaseUrl(dataDir: string, database = "donutwork"): string {
  const port = readFileSync(path.join(dataDir, "postgres.port"), "utf8").trim();
  const password = encodeURIComponent(secretsOf(dataDir).postgresPassword);
  return `postgres://postgres:${password}@127.0.0.1:${port}/${database}`;
}

/** The base URL of the Stripe emulator a data dir's app runs (its port is remembered there). */
export function emulatorUrlOf(dataDir: string): string {
  const port = Number(readFileSync(path.join(dataDir, "stripe-emulator.port"), "utf8").trim());
  return `http://127.0.0.1:${port}`;
}

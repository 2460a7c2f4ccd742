import path from "node:path";
import { embeddedDatabaseUrl } from "../../../tests/support/data-dir";
import { TEST_DATA_DIR, TEST_DATABASE_URL, TEST_PORT } from "../../../tests/support/environment";

// The security suite attacks a second app server, started the way a deployment starts it:
// DATABASE_URL on a PostgreSQL server, an AUTH_SECRET, and no other setting (no TRUST_PROXY,
// default rate limits). Its database lives on the same PostgreSQL server as the main test
// app's (the embedded one of the test data dir, or TEST_DATABASE_URL's server), under its own
// name. Only WEBHOOK_ALLOW_PRIVATE_URLS=false is explicit, because without a Stripe key the
// emulator is in use, and the emulator relaxes the webhook address check for local development.

export const DEPLOYED_PORT = TEST_PORT + 1000;
export const DEPLOYED_URL = `http://localhost:${DEPLOYED_PORT}`;
/** Emulator state and the launcher's secrets file; no database files (the database is external). */
export const DEPLOYED_DATA_DIR = `${TEST_DATA_DIR}-deployed`;

/** The PostgreSQL server the main test app uses, as a URL of its maintenance database. */
function serverUrl(): URL {
  return new URL(TEST_DATABASE_URL ?? embeddedDatabaseUrl(TEST_DATA_DIR, "postgres"));
}

const DATABASE_NAME = `donutwork_deployed_${path.basename(TEST_DATA_DIR).replace(/\W/g, "_")}`;

export function deployedMaintenanceUrl(): string {
  const url = serverUrl();
  url.pathname = "/postgres";
  return url.toString();
}

/** The deployed server's DATABASE_URL. */
export function deployedDatabaseUrl(): string {
  const url = serverUrl();
  url.pathname = `/${DATABASE_NAME}`;
  return url.toString();
}

export const DEPLOYED_DATABASE_NAME = DATABASE_NAME;

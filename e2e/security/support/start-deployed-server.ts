// Playwright's second web server (playwright.config.ts): a fresh database on the test
// PostgreSQL server, then `scripts/start.ts` on it as a deployment would run it. Runs after the
// main test app is up (Playwright starts its web servers in order), whose PostgreSQL it uses.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import pg from "pg";
import { childEnvironment } from "../../../tests/support/environment";
import {
  DEPLOYED_DATA_DIR,
  DEPLOYED_DATABASE_NAME,
  DEPLOYED_PORT,
  DEPLOYED_URL,
  deployedDatabaseUrl,
  deployedMaintenanceUrl,
} from "./deployed-server";

const admin = new pg.Client({ connectionString: deployedMaintenanceUrl() });
await admin.connect();
await admin.query(`drop database if exists ${DEPLOYED_DATABASE_NAME} with (force)`);
await admin.query(`create database ${DEPLOYED_DATABASE_NAME}`);
await admin.end();
rmSync(DEPLOYED_DATA_DIR, { recursive: true, force: true });

// Only what a deployment sets, plus the build folder and the emulator's data dir. Settings the
// test runner's own environment may carry are dropped, so they cannot soften the server.
const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
  env: childEnvironment(
    {
      PORT: String(DEPLOYED_PORT),
      APP_URL: DEPLOYED_URL,
      DATABASE_URL: deployedDatabaseUrl(),
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      DONUTWORK_DATA_DIR: DEPLOYED_DATA_DIR,
      WEBHOOK_ALLOW_PRIVATE_URLS: "false",
    },
    /^(TRUST_PROXY|RATE_LIMIT_|WEBHOOK_|DONUTWORK_|APP_URL|AUTH_|DATABASE_URL)/,
  ),
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 1));

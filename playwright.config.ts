import { existsSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { DEPLOYED_PORT, DEPLOYED_URL } from "./e2e/security/support/deployed-server";
import {
  CHROMIUM_PATH,
  IN_CI,
  TEST_DATA_DIR,
  TEST_DATABASE_URL,
  TEST_PORT,
} from "./tests/support/environment";

// The tests run against the real app, started exactly as `npm start` starts it, in its own data
// dir (a fresh embedded PostgreSQL and Stripe emulator) unless TEST_DATABASE_URL points elsewhere.
const baseURL = `http://localhost:${TEST_PORT}`;

// Debian's Chromium (`apt-get install chromium`, which .ci/run does); PLAYWRIGHT_CHROMIUM_PATH
// overrides it, and without either Playwright's own browser is used.
const chromium = CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "e2e",
  // Per data dir, so that two runs side by side (another checkout, CI's second database) keep
  // their artifacts and credentials apart.
  outputDir: `test-results/${path.basename(TEST_DATA_DIR)}`,
  fullyParallel: true,
  workers: IN_CI ? 2 : 3,
  retries: 0,
  forbidOnly: IN_CI,
  // Page tests run in Chromium on the same two cores as the API specs and the fuzz spec's 16
  // concurrent callers against the same server: on CI a page test took 10–33 s of this.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-reports/e2e-results.json" }]],
  globalSetup: "./e2e/support/global-setup.ts",
  projects: [
    { name: "app", testIgnore: /security\// },
    // The security suite attacks the server started as a deployment would be (second web server).
    { name: "security", testMatch: /security\/.*\.spec\.ts$/, use: { baseURL: DEPLOYED_URL } },
  ],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: [
    {
      command: "npx tsx scripts/start.ts",
      url: `${baseURL}/api/health`,
      // A first build on a busy two-core machine took over 5 minutes.
      timeout: 600_000,
      reuseExistingServer: !IN_CI,
      stdout: "pipe",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
      env: {
        PORT: String(TEST_PORT),
        APP_URL: baseURL,
        DONUTWORK_DATA_DIR: TEST_DATA_DIR,
        // Outgoing webhook retries in seconds rather than minutes, so the retry specs are quick.
        WEBHOOK_RETRY_DELAY_SECONDS: "1",
        // Specs hammer one key on purpose (races, fuzzing); the limiter itself has unit tests and
        // a spec of its own for failed authentications (per forwarded IP, hence TRUST_PROXY).
        RATE_LIMIT_PER_SECOND: "2000",
        RATE_LIMIT_BURST: "4000",
        TRUST_PROXY: "1",
        ...(TEST_DATABASE_URL ? { DATABASE_URL: TEST_DATABASE_URL } : {}),
      },
    },
    {
      // Started after the first, whose PostgreSQL server it uses (e2e/security/support).
      command: "npx tsx e2e/security/support/start-deployed-server.ts",
      url: `http://localhost:${DEPLOYED_PORT}/api/health`,
      timeout: 600_000,
      reuseExistingServer: !IN_CI,
      stdout: "pipe",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    },
  ],
});

// npm test: every test the project has. Unit and database tests (Vitest), then the API and the
// pages end to end (Playwright, real Chromium, the app started as `npm start` starts it).
// Ends with one line "N passed, N failed" over both.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";

const dataDir = process.env.TEST_DATA_DIR ?? ".data-test";
if (!process.env.TEST_DATABASE_URL) rmSync(dataDir, { recursive: true, force: true });
rmSync("test-reports", { recursive: true, force: true });

const env = { ...process.env, DONUTWORK_DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: "1" };
const steps: [string, string[]][] = [
  [
    "vitest",
    ["run", "--reporter=default", "--reporter=json", "--outputFile.json=test-reports/unit-results.json"],
  ],
  ["playwright", ["test", ...process.argv.slice(2)]],
];

let failedStep = false;
for (const [tool, args] of steps) {
  const result = spawnSync("npx", [tool, ...args], { stdio: "inherit", env: { ...env } });
  if (result.status !== 0) failedStep = true;
}

const unit = readJson("test-reports/unit-results.json") as
  | { numPassedTests?: number; numFailedTests?: number }
  | undefined;
const e2e = readJson("test-reports/e2e-results.json") as
  | { stats?: { expected?: number; unexpected?: number; flaky?: number; skipped?: number } }
  | undefined;
const passed = (unit?.numPassedTests ?? 0) + (e2e?.stats?.expected ?? 0);
const failed = (unit?.numFailedTests ?? 0) + (e2e?.stats?.unexpected ?? 0) + (e2e?.stats?.flaky ?? 0);
const skipped = e2e?.stats?.skipped ?? 0;
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failedStep || failed > 0 || !unit || !e2e ? 1 : 0);

function readJson(file: string): unknown {
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : undefined;
}

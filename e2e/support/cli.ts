import { execFileSync } from "node:child_process";
import { childEnvironment, TEST_DATA_DIR, TEST_DATABASE_URL } from "../../tests/support/environment";
import { deployedDatabaseUrl } from "../security/support/deployed-server";

/** Runs the operator CLI against the test data dir, as an operator would, and returns stdout. */
export function donutwork(...args: string[]): string {
  return runCli(args, TEST_DATABASE_URL ? { DATABASE_URL: TEST_DATABASE_URL } : {});
}

/** The same against the deployed server's database (e2e/security). */
export function donutworkDeployed(...args: string[]): string {
  return runCli(args, { DATABASE_URL: deployedDatabaseUrl() });
}

function runCli(args: string[], env: Record<string, string>): string {
  return execFileSync("npm", ["run", "--silent", "donutwork", "--", ...args], {
    encoding: "utf8",
    env: childEnvironment({ DONUTWORK_DATA_DIR: TEST_DATA_DIR, ...env }),
  });
}

export function lastLine(output: string): string {
  return output.trim().split("\n").at(-1) ?? "";
}

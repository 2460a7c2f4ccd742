import { execFileSync } from "node:child_process";
import { TEST_DATA_DIR } from "../../playwright.config";

/** Runs the operator CLI against the test data dir, as an operator would, and returns stdout. */
export function donutwork(...args: string[]): string {
  return execFileSync("npm", ["run", "--silent", "donutwork", "--", ...args], {
    encoding: "utf8",
    env: {
      ...process.env,
      DONUTWORK_DATA_DIR: TEST_DATA_DIR,
      ...(process.env.TEST_DATABASE_URL ? { DATABASE_URL: process.env.TEST_DATABASE_URL } : {}),
    },
  });
}

export function lastLine(output: string): string {
  return output.trim().split("\n").at(-1) ?? "";
}

import { randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { TEST_DATA_DIR } from "../../playwright.config";
import { donutwork, lastLine } from "./cli";

export const CREDENTIALS_FILE = `test-reports/credentials-${path.basename(TEST_DATA_DIR)}.json`;

/**
 * Makes the keys and staff logins the specs use, through the real CLI (which joins the
 * embedded database the web server started).
 */
export default async function globalSetup() {
  const run = randomUUID().slice(0, 8);
  const writeKey = lastLine(
    donutwork("api-key", "create", "--name", `e2e write ${run}`, "--scopes", "read,write"),
  );
  const readKey = lastLine(donutwork("api-key", "create", "--name", `e2e read ${run}`, "--scopes", "read"));
  const revokedOutput = donutwork("api-key", "create", "--name", `e2e revoked ${run}`);
  const revokedId = /Created API key (\S+)/.exec(revokedOutput)?.[1] ?? "";
  donutwork("api-key", "revoke", revokedId);
  const password = `pw-${randomUUID()}`;
  const users = Object.fromEntries(
    (["admin", "finance", "viewer"] as const).map((role) => {
      const email = `${role}-${run}@e2e.donutwork.test`;
      donutwork("user", "create", "--email", email, "--password", password, "--role", role);
      return [role, { email, password }];
    }),
  );
  mkdirSync(path.dirname(CREDENTIALS_FILE), { recursive: true });
  writeFileSync(
    CREDENTIALS_FILE,
    JSON.stringify({ writeKey, readKey, revokedKey: lastLine(revokedOutput), users }, null, 2),
  );
}

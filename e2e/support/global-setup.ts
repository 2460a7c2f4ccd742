import { randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { TEST_DATA_DIR } from "../../tests/support/environment";
import { donutwork, donutworkDeployed, lastLine } from "./cli";
import type { ServerCredentials } from "./credentials";

export const CREDENTIALS_FILE = `test-reports/credentials-${path.basename(TEST_DATA_DIR)}.json`;

/**
 * Makes the keys and staff logins the specs use, through the real CLI (which joins the
 * embedded database the web server started), for the main test app and for the deployed
 * server the security suite attacks.
 */
export default async function globalSetup() {
  const run = randomUUID().slice(0, 8);
  const main = credentialsFor(donutwork, run);
  const deployed = credentialsFor(donutworkDeployed, run);
  mkdirSync(path.dirname(CREDENTIALS_FILE), { recursive: true });
  writeFileSync(CREDENTIALS_FILE, JSON.stringify({ ...main, deployed }, null, 2));
}

function credentialsFor(cli: (...args: string[]) => string, run: string): ServerCredentials {
  const writeKey = lastLine(cli("api-key", "create", "--name", `e2e write ${run}`, "--scopes", "read,write"));
  const readKey = lastLine(cli("api-key", "create", "--name", `e2e read ${run}`, "--scopes", "read"));
  const revokedOutput = cli("api-key", "create", "--name", `e2e revoked ${run}`);
  const revokedId = /Created API key (\S+)/.exec(revokedOutput)?.[1] ?? "";
  cli("api-key", "revoke", revokedId);
  const password = `pw-${randomUUID()}`;
  const users = Object.fromEntries(
    (["admin", "finance", "viewer"] as const).map((role) => {
      const email = `${role}-${run}@e2e.donutwork.test`;
      cli("user", "create", "--email", email, "--password", password, "--role", role);
      return [role, { email, password }];
    }),
  ) as ServerCredentials["users"];
  return { writeKey, readKey, revokedKey: lastLine(revokedOutput), users };
}

import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { TEST_DATA_DIR, TEST_DATABASE_URL } from "../../tests/support/environment";
import { donutwork, lastLine } from "./cli";

export interface ApiKeys {
  writeKey: string;
  readKey: string;
  revokedKey: string;
}

// The API specs' own keys, made once per test database with the real CLI and kept beside that
// database. Global setup's test-results/credentials.json is shared by every Playwright run in
// this checkout (whatever its port and data dir), so a parallel run overwrites it mid-run.
const file = path.join(
  TEST_DATA_DIR,
  TEST_DATABASE_URL
    ? `e2e-api-keys-${createHash("sha256").update(TEST_DATABASE_URL).digest("hex").slice(0, 12)}.json`
    : "e2e-api-keys.json",
);
const lock = `${file}.lock`;
const STALE_LOCK_MS = 180_000;

let cached: ApiKeys | undefined;

export function apiKeys(): ApiKeys {
  if (cached) return cached;
  if (!existsSync(file)) withLock(() => existsSync(file) || createKeys());
  cached = JSON.parse(readFileSync(file, "utf8")) as ApiKeys;
  return cached;
}

function createKeys() {
  const run = new Date().toISOString();
  const writeKey = lastLine(
    donutwork("api-key", "create", "--name", `e2e api write ${run}`, "--scopes", "read,write"),
  );
  const readKey = lastLine(
    donutwork("api-key", "create", "--name", `e2e api read ${run}`, "--scopes", "read"),
  );
  const revokedOutput = donutwork("api-key", "create", "--name", `e2e api revoked ${run}`);
  const revokedId = /Created API key (\S+)/.exec(revokedOutput)?.[1];
  if (!revokedId) throw new Error(`could not read the new key's id from: ${revokedOutput}`);
  donutwork("api-key", "revoke", revokedId);
  const keys: ApiKeys = { writeKey, readKey, revokedKey: lastLine(revokedOutput) };
  for (const key of Object.values(keys))
    if (!key.startsWith("dw_")) throw new Error(`not an API key: ${key}`);
  writeFileSync(file, JSON.stringify(keys, null, 2));
}

/** One worker makes the keys while the others wait (mkdir is atomic). */
function withLock(action: () => unknown) {
  mkdirSync(TEST_DATA_DIR, { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS) rmdirSync(lock);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
    }
  }
  try {
    action();
  } finally {
    rmdirSync(lock);
  }
}

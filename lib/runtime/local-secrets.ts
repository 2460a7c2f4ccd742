import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { dataDir } from "./data-dir";
import { replaceFile } from "./write-file";

export interface LocalSecrets {
  postgresPassword: string;
  authSecret: string;
  stripeWebhookSecret: string;
  // Encrypts outgoing-webhook signing secrets at rest (they must be readable to sign).
  encryptionKey: string;
}

const generators: Record<keyof LocalSecrets, () => string> = {
  postgresPassword: () => randomBytes(18).toString("base64url"),
  authSecret: () => randomBytes(32).toString("base64url"),
  stripeWebhookSecret: () => `whsec_${randomBytes(24).toString("base64url")}`,
  encryptionKey: () => randomBytes(32).toString("base64url"),
};

/**
 * Secrets for local mode, generated on first use and kept in the data dir so that sessions,
 * webhook signatures and the database password survive restarts.
 */
export function localSecrets(): LocalSecrets {
  const file = path.join(dataDir(), "secrets.json");
  let stored: Partial<LocalSecrets> = {};
  try {
    stored = JSON.parse(readFileSync(file, "utf8")) as Partial<LocalSecrets>;
  } catch {
    // first start: nothing stored yet
  }
  const secrets = { ...stored } as LocalSecrets;
  let changed = false;
  for (const name of Object.keys(generators) as (keyof LocalSecrets)[]) {
    if (!secrets[name]) {
      secrets[name] = generators[name]();
      changed = true;
    }
  }
  if (changed) replaceFile(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

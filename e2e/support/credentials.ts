import { readFileSync } from "node:fs";
import { CREDENTIALS_FILE } from "./global-setup";

export interface ServerCredentials {
  writeKey: string;
  readKey: string;
  revokedKey: string;
  users: Record<"admin" | "finance" | "viewer", { email: string; password: string }>;
}

export interface Credentials extends ServerCredentials {
  /** The same for the deployed server the security suite attacks (e2e/security). */
  deployed: ServerCredentials;
}

export const credentials = (): Credentials =>
  JSON.parse(readFileSync(CREDENTIALS_FILE, "utf8")) as Credentials;

import { readFileSync } from "node:fs";
import { CREDENTIALS_FILE } from "./global-setup";

export interface Credentials {
  writeKey: string;
  readKey: string;
  revokedKey: string;
  users: Record<"admin" | "finance" | "viewer", { email: string; password: string }>;
}

export const credentials = (): Credentials =>
  JSON.parse(readFileSync(CREDENTIALS_FILE, "utf8")) as Credentials;

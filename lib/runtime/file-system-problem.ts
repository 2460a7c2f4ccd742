import { statSync } from "node:fs";
import path from "node:path";
import { dataDirPath } from "./data-dir";
import { StartupError } from "./startup-error";

const REASONS: Record<string, string> = {
  EROFS: "is on a read-only file system (EROFS)",
  EACCES: "is not writable for this user (EACCES)",
  EPERM: "is not writable for this user (EPERM)",
  ENOSPC: "is on a full disk (ENOSPC: no space left on device)",
  EDQUOT: "is over its disk quota (EDQUOT)",
};

/** About how much a new data dir takes: the PostgreSQL cluster with the migrated database. */
const NEW_DATA_DIR_SIZE = "about 100 MB";

/**
 * A failed write in a directory start-up must write to (the data dir above all), as one message
 * naming the directory, the reason and the fix; undefined for any other error.
 */
export function fileSystemProblem(error: unknown): StartupError | undefined {
  const { code, path: file, syscall } = error as NodeJS.ErrnoException;
  if (!code || !file || !REASONS[code]) return undefined;
  const directory = isDirectory(file) || syscall === "mkdir" ? file : path.dirname(file);
  return writeFailure(directory, code);
}

/** "<directory> <reason>[: <what failed>]. <fix>" for an errno code of REASONS. */
export function writeFailure(directory: string, code: string, what?: string): StartupError {
  const name = nameOf(directory);
  return new StartupError([
    `${name} ${REASONS[code] ?? `failed (${code})`}${what ? `: ${what}` : ""}. ${fixFor(code, name)}`,
  ]);
}

function nameOf(directory: string): string {
  const data = dataDirPath();
  return directory === data || directory.startsWith(`${data}${path.sep}`)
    ? `the data dir ${data}`
    : directory;
}

function fixFor(code: string, name: string): string {
  const dataDir = name.startsWith("the data dir");
  if (code === "ENOSPC" || code === "EDQUOT")
    return dataDir
      ? `Free some space there, or set DONUTWORK_DATA_DIR to a directory on a disk with room (${NEW_DATA_DIR_SIZE} for a new one).`
      : "Free some space there.";
  if (code === "EROFS")
    return dataDir
      ? "Set DONUTWORK_DATA_DIR to a writable directory, or remount it read-write."
      : "Remount it read-write.";
  return dataDir
    ? "Set DONUTWORK_DATA_DIR to a directory this user may write, or fix its owner."
    : "Fix its owner or mode.";
}

function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

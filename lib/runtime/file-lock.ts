import { closeSync, openSync, statSync, unlinkSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";

const STALE_AFTER_MS = 60_000;

/**
 * Runs `work` while holding an exclusive lock file, so that two processes starting at the same
 * moment do not both start PostgreSQL on one data dir. A lock left by a crashed process is
 * taken over once it is older than a minute.
 */
export async function withFileLock<T>(file: string, work: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      closeSync(openSync(file, "wx"));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      if (ageOf(file) > STALE_AFTER_MS) unlinkSilently(file);
      else await sleep(100);
    }
  }
  try {
    return await work();
  } finally {
    unlinkSilently(file);
  }
}

function ageOf(file: string): number {
  try {
    return Date.now() - statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function unlinkSilently(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
}

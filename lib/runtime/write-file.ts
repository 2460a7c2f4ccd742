import { renameSync, rmSync, writeFileSync } from "node:fs";

/**
 * writeFileSync that always says which file failed: a full disk fails inside write(), whose
 * error carries no path, and start-up names the directory in its message (file-system-problem.ts).
 */
export function writeFileNamed(file: string, data: string, options: { mode?: number } = {}): void {
  try {
    writeFileSync(file, data, options);
  } catch (error) {
    rmSync(file, { force: true }); // never leave a half-written file behind
    throw Object.assign(error as NodeJS.ErrnoException, {
      path: (error as NodeJS.ErrnoException).path ?? file,
    });
  }
}

/** Replaces `file` at once (a temporary file renamed over it): readers see the old or the new content. */
export function replaceFile(file: string, data: string, options: { mode?: number } = {}): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileNamed(tmp, data, options);
  renameSync(tmp, file);
}

// Small file systems made for a test (as root): a tmpfs of a few MB fills up for real (initdb
// gets ENOSPC from the kernel), and one mounted read-only refuses every write with EROFS.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export interface Mount {
  dir: string;
  remove(): void;
}

export function tmpfs(name: string, options: { sizeKb: number; readOnly?: boolean }): Mount {
  const dir = mkdtempSync(path.join(os.tmpdir(), `dw-${name}-`));
  const flags = [`size=${options.sizeKb}k`, "mode=0755", ...(options.readOnly ? ["ro"] : [])];
  execFileSync("mount", ["-t", "tmpfs", "-o", flags.join(","), "tmpfs", dir]);
  return {
    dir,
    remove: () => {
      execFileSync("umount", ["--lazy", dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// A throwaway home like /root on most images (mode 0700, owned by root) holding a copy of this
// checkout as `git clone` + `npm install` + a build would leave it. Cheap: every file is a hard
// link (same inode, so the same mtime: the build stays fresh and nothing is rebuilt), falling
// back to a copy that keeps mtimes where /tmp is another file system.
import { execFileSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
  utimesSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";

export const CHECKOUT = path.resolve(import.meta.dirname, "../../..");
const BUILD_DIR = ".next";
// Installed or built, not in git: node_modules, the generated Prisma client, the build (without
// its cache, which only `next build` reads).
const INSTALLED = ["node_modules", "lib/generated", BUILD_DIR];

export interface PrivateHome {
  /** The 0700 home. */
  home: string;
  /** The clone inside it: where `npm start` runs. */
  root: string;
  remove(): void;
}

export function privateHome(): PrivateHome {
  const home = mkdtempSync(path.join(os.tmpdir(), "dw-home-")); // mkdtemp makes it 0700
  const root = path.join(home, "donutwork");
  const tracked = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: CHECKOUT,
    encoding: "utf8",
  })
    .split("\0")
    .filter((file) => file && existsSync(path.join(CHECKOUT, file)));
  for (const file of tracked) place(path.join(CHECKOUT, file), path.join(root, file));
  for (const dir of INSTALLED) {
    mkdirSync(path.dirname(path.join(root, dir)), { recursive: true });
    copyTree(path.join(CHECKOUT, dir), path.join(root, dir));
  }
  rmSync(path.join(root, BUILD_DIR, "cache"), { recursive: true, force: true });
  return { home, root, remove: () => rmSync(home, { recursive: true, force: true }) };
}

function place(source: string, target: string): void {
  mkdirSync(path.dirname(target), { recursive: true });
  try {
    linkSync(source, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
    copyFileSync(source, target);
    const { atime, mtime } = statSync(source);
    utimesSync(target, atime, mtime);
  }
}

function copyTree(source: string, target: string): void {
  try {
    execFileSync("cp", ["-a", "--link", source, target]);
  } catch {
    rmSync(target, { recursive: true, force: true });
    execFileSync("cp", ["-a", source, target]);
  }
}

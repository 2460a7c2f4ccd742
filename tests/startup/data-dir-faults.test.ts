// The data dir on a read-only file system, or on a full one (a tmpfs of a few MB: the kernel's
// own ENOSPC, once while PostgreSQL creates its cluster and once for the very first file):
// one message naming the directory, the reason and the fix, exit code 1, no stack trace.
import { writeFileSync } from "node:fs";
import os from "node:os";
import { afterAll, describe, expect, it } from "vitest";
import { type AppProcess, stopApp } from "../resilience/support/app";
import { type Mount, tmpfs } from "./support/mounts";
import { CHECKOUT } from "./support/private-home";
import { exitCodeOf, failureOf, npmStart } from "./support/user-start";

const apps: AppProcess[] = [];
const mounts: Mount[] = [];
afterAll(async () => {
  for (const app of apps) await stopApp(app);
  for (const mount of mounts) mount.remove();
});

function mounted(name: string, options: Parameters<typeof tmpfs>[1]): string {
  const mount = tmpfs(name, options);
  mounts.push(mount);
  return mount.dir;
}

async function startOn(dataDir: string, port: number) {
  const app = npmStart(CHECKOUT, {
    name: `data-dir-${port}`,
    port,
    home: os.homedir(),
    env: { DONUTWORK_DATA_DIR: dataDir },
  });
  apps.push(app);
  const failure = failureOf(app, await exitCodeOf(app));
  expect(failure.code).toBe(1);
  expect(failure.stack).toEqual([]);
  return failure;
}

const FULL_FIX =
  "Free some space there, or set DONUTWORK_DATA_DIR to a directory on a disk with room (about 100 MB for a new one).";

describe("npm start with the data dir on", () => {
  it("a read-only file system", async () => {
    const dataDir = mounted("read-only", { sizeKb: 1024, readOnly: true });
    const failure = await startOn(dataDir, 3730);
    expect(failure.messages).toEqual([
      `DonutWork cannot start: the data dir ${dataDir} is on a read-only file system (EROFS). Set DONUTWORK_DATA_DIR to a writable directory, or remount it read-write.`,
    ]);
  });

  it("a disk that fills up while PostgreSQL creates its cluster", async () => {
    const dataDir = mounted("small", { sizeKb: 8 * 1024 });
    const failure = await startOn(dataDir, 3731);
    expect(failure.messages).toEqual([
      `DonutWork cannot start: the data dir ${dataDir} is on a full disk (ENOSPC: no space left on device): PostgreSQL could not initialise its cluster there. ${FULL_FIX}`,
    ]);
  });

  it("a disk without room for its first file", async () => {
    const dataDir = mounted("full", { sizeKb: 1024 });
    writeFileSync(`${dataDir}/filler`, Buffer.alloc(1024 * 1024 - 4096));
    expect(() => writeFileSync(`${dataDir}/probe`, Buffer.alloc(8192))).toThrow(/ENOSPC/);
    const failure = await startOn(dataDir, 3732);
    expect(failure.messages).toEqual([
      `DonutWork cannot start: the data dir ${dataDir} is on a full disk (ENOSPC: no space left on device). ${FULL_FIX}`,
    ]);
  });
});

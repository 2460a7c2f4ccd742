// As root (most containers and CI runners), in a clone under a home of mode 0700 such as /root:
// `npm start` works, with the default data dir and with DONUTWORK_DATA_DIR in another 0700
// directory, and the CLI works beside it and without it; no directory changes owner or mode.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppProcess, stopApp, waitForHealth } from "../resilience/support/app";
import { request } from "../resilience/support/http";
import { childEnvironment } from "../support/environment";
import { type PrivateHome, privateHome } from "./support/private-home";
import { donutworkCli, exitCodeOf, failureOf, npmStart, pressCtrlC, waitForLine } from "./support/user-start";

const mode = (dir: string) => statSync(dir).mode & 0o777;

let home: PrivateHome;
const apps: AppProcess[] = [];
const removals: (() => void)[] = [];

beforeAll(() => {
  if (process.getuid?.() !== 0) throw new Error("these tests are about running as root: run them as root");
  home = privateHome();
  removals.push(home.remove);
});

afterAll(async () => {
  for (const app of apps) await stopApp(app);
  for (const remove of removals) remove();
});

async function servesWithApiKey(app: AppProcess, root: string, env: Record<string, string> = {}) {
  const created = await donutworkCli(root, ["api-key", "create", "--name", "first run"], {
    home: home.home,
    env,
  });
  expect(created.code, created.stderr).toBe(0);
  const key = created.stdout.trim().split("\n").at(-1) ?? "";
  const response = await request(`${app.url}/customers.json`, {
    headers: { authorization: `Bearer ${key}` },
  });
  expect(response.status).toBe(200);
}

describe("as root in a clone under a 0700 home", () => {
  it("npm start serves with the default data dir, and the CLI works beside it and on its own", async () => {
    const app = npmStart(home.root, { name: "default-data-dir", port: 3710, home: home.home });
    apps.push(app);
    await waitForHealth(app);
    await waitForLine(app, /^\[donutwork\] DonutWork is running at http:\/\/localhost:3710$/);
    expect(app.output).toContainEqual(
      expect.stringMatching(
        /^\[donutwork\] Demo staff login \(shown once\): admin@donutwork\.local \/ \S{16}$/,
      ),
    );
    await servesWithApiKey(app, home.root);

    // Nothing had to change for it: the home is still root's and private, and the cluster in
    // the clone's data dir belongs to root (PostgreSQL ran in a user namespace).
    expect(statSync(home.home).uid).toBe(0);
    expect(mode(home.home)).toBe(0o700);
    expect(statSync(path.join(home.root, ".data", "pg")).uid).toBe(0);

    expect(await pressCtrlC(app)).toEqual({ stoppedCleanly: true });
    const alone = await donutworkCli(home.root, ["user", "list"], { home: home.home });
    expect(alone.code, alone.stderr).toBe(0);
    expect(alone.stdout).toContain("admin@donutwork.local");
  });

  it("npm start serves with DONUTWORK_DATA_DIR inside another 0700 directory", async () => {
    const privateDir = mkdtempSync(path.join(os.tmpdir(), "dw-private-"));
    removals.push(() => rmSync(privateDir, { recursive: true, force: true }));
    const env = { DONUTWORK_DATA_DIR: path.join(privateDir, "data") };
    const app = npmStart(home.root, { name: "private-data-dir", port: 3711, home: home.home, env });
    apps.push(app);
    await waitForHealth(app);
    await servesWithApiKey(app, home.root, env);
    expect(mode(privateDir)).toBe(0o700);
    expect(statSync(path.join(privateDir, "data", "pg")).uid).toBe(0);
    expect(await pressCtrlC(app)).toEqual({ stoppedCleanly: true });
  });
});

// Docker's default seccomp profile refuses unshare(2) to a root without CAP_SYS_ADMIN, and
// `unshare` then says exactly this. A PATH that starts with such an `unshare` puts the app in
// that situation here.
function refusingUnshare(): string {
  const bin = mkdtempSync(path.join(os.tmpdir(), "dw-no-userns-"));
  removals.push(() => rmSync(bin, { recursive: true, force: true }));
  writeFileSync(
    path.join(bin, "unshare"),
    '#!/bin/sh\necho "unshare: unshare failed: Operation not permitted" >&2\nexit 1\n',
    { mode: 0o755 },
  );
  return `${bin}:${childEnvironment().PATH}`;
}

describe("as root in a clone under a 0700 home, where user namespaces are refused", () => {
  it("npm start runs PostgreSQL as the system user postgres, with what it cannot reach in DONUTWORK_POSTGRES_DIR, and serves", async () => {
    const clone = privateHome();
    removals.push(clone.remove);
    const postgresDir = path.join(os.tmpdir(), `dw-postgres-${randomBytes(4).toString("hex")}`);
    removals.push(() => rmSync(postgresDir, { recursive: true, force: true }));
    const env = { PATH: refusingUnshare(), DONUTWORK_POSTGRES_DIR: postgresDir };
    const app = npmStart(clone.root, { name: "system-user", port: 3712, home: clone.home, env });
    apps.push(app);
    await waitForHealth(app);
    expect(app.output).toContain(
      "[donutwork] User namespaces are refused here (unshare: unshare failed: Operation not permitted): PostgreSQL runs as a system user",
    );
    const postgresUid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }));

    // The clone stays as it was; the cluster lives in DONUTWORK_POSTGRES_DIR, owned by postgres,
    // and the data dir records where.
    expect(mode(clone.home)).toBe(0o700);
    const cluster = readFileSync(path.join(clone.root, ".data", "postgres.location"), "utf8").trim();
    expect(path.dirname(cluster)).toBe(path.join(postgresDir, "clusters"));
    expect(statSync(cluster).uid).toBe(postgresUid);
    const kept = readdirSync(postgresDir);
    expect(kept).toHaveLength(2);
    expect(kept).toContain("clusters");
    expect(kept).toContainEqual(expect.stringMatching(/^postgres-18\./));
    await servesWithApiKey(app, clone.root, { PATH: env.PATH, DONUTWORK_POSTGRES_DIR: postgresDir });
    expect(await pressCtrlC(app)).toEqual({ stoppedCleanly: true });

    // Later, with user namespaces allowed: the cluster belongs to postgres, so PostgreSQL keeps
    // running as its owner (in a namespace its files would belong to nobody). The CLI starts it.
    const later = await donutworkCli(clone.root, ["user", "list"], {
      home: clone.home,
      env: { DONUTWORK_POSTGRES_DIR: postgresDir },
    });
    expect(later.code, later.stderr).toBe(0);
    expect(later.stdout).toContain("admin@donutwork.local");
  });

  it("npm start stops with one message naming the directory, the reason and the fix when postgres can reach nothing", async () => {
    const clone = privateHome();
    removals.push(clone.remove);
    const blocked = mkdtempSync(path.join(os.tmpdir(), "dw-blocked-"));
    removals.push(() => rmSync(blocked, { recursive: true, force: true }));
    const env = { PATH: refusingUnshare(), DONUTWORK_POSTGRES_DIR: path.join(blocked, "postgres") };
    const app = npmStart(clone.root, { name: "unreachable", port: 3713, home: clone.home, env });
    const failure = failureOf(app, await exitCodeOf(app));
    expect(failure.code).toBe(1);
    expect(failure.messages).toEqual([
      `DonutWork cannot start: PostgreSQL refuses to run as root, and user namespaces are refused here (unshare: unshare failed: Operation not permitted), so it runs as the system user "postgres", which cannot enter ${blocked} (mode 0700, owner root), on the way to its binaries. Set DONUTWORK_POSTGRES_DIR to a directory it can reach (every directory above it enterable by others), run as a non-root user, or set DATABASE_URL.`,
    ]);
    expect(failure.stack).toEqual([]);
    expect(mode(blocked)).toBe(0o700);
    expect(mode(clone.home)).toBe(0o700);
  });
});

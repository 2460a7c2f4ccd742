import pg from "pg";
import { StartupError } from "./startup-error";

const CONNECT_TIMEOUT_MS = 10_000;

/** "db.example.com:5432/donutwork as role app": where DATABASE_URL points, never its password. */
export function describeServer(url: string): { where: string; role: string; host: string; database: string } {
  const parsed = new URL(url);
  const host = `${parsed.hostname || "localhost"}:${parsed.port || "5432"}`;
  const database =
    decodeURIComponent(parsed.pathname.replace(/^\//, "")) || decodeURIComponent(parsed.username);
  return {
    where: `${host}/${database}`,
    role: decodeURIComponent(parsed.username) || "(default)",
    host,
    database,
  };
}

/**
 * Connects once to DATABASE_URL's server so that start-up can say, in one line, why it cannot
 * use it: nothing listens there, the host is unknown, the password or role is refused, the
 * database is missing. Throws a StartupError; resolves when the server accepts us.
 */
export async function checkDatabaseServer(url: string): Promise<void> {
  let server: ReturnType<typeof describeServer>;
  try {
    server = describeServer(url);
  } catch {
    throw new StartupError(["DATABASE_URL is not a URL (postgres://USER:PASSWORD@HOST:PORT/DATABASE)."]);
  }
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  client.on("error", () => {});
  try {
    await client.connect();
  } catch (error) {
    throw new StartupError([connectionProblem(error as NodeJS.ErrnoException, server)]);
  } finally {
    await client.end().catch(() => {});
  }
}

function connectionProblem(error: NodeJS.ErrnoException, server: ReturnType<typeof describeServer>): string {
  const at = `the PostgreSQL server at ${server.where} (DATABASE_URL)`;
  switch (error.code) {
    case "ECONNREFUSED":
      return `${at} refuses connections: nothing listens on ${server.host}. Start it, or correct the host and port in DATABASE_URL.`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `the host of DATABASE_URL (${server.host}) cannot be resolved (${error.code}). Correct DATABASE_URL.`;
    case "ETIMEDOUT":
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return `${at} cannot be reached (${error.code}). Check the host, the network and firewalls.`;
    case "28P01":
      return `${at} rejects the password of role "${server.role}". Correct DATABASE_URL.`;
    case "28000":
      return `${at} refuses role "${server.role}": ${error.message}. Create the role or allow it in pg_hba.conf.`;
    case "3D000":
      return `database "${server.database}" does not exist on ${server.host}. Create it (createdb ${server.database}) or correct DATABASE_URL.`;
    case "42501":
      return `role "${server.role}" may not connect to ${server.where}: ${error.message}. GRANT CONNECT ON DATABASE ${server.database} TO ${server.role}.`;
    case "53300":
      return `${at} has no connection slot left: ${error.message}.`;
  }
  if (/timeout/i.test(error.message))
    return `${at} does not answer within ${CONNECT_TIMEOUT_MS / 1000} s. Check that it runs and that DATABASE_URL's host and port are right.`;
  return `cannot connect to ${at}: ${error.message}`;
}

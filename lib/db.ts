import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { databaseUrl, reportConnectionSettings } from "./env";
import { PrismaClient } from "./generated/prisma/client";

// One pool and one client per process; in development modules are re-evaluated on every change,
// so both live on globalThis to avoid opening a new pool each time.
const globalForDb = globalThis as unknown as {
  pgPool?: pg.Pool;
  prisma?: PrismaClient;
  reportPool?: pg.Pool;
  reportPrisma?: PrismaClient;
};

/**
 * The process's connection pool. Prisma runs on it, and so do the few hot paths written as plain
 * SQL (creating and listing customers), where Prisma's per-query work cost more CPU than
 * PostgreSQL did (bench/api/README.md).
 */
export function pool(): pg.Pool {
  globalForDb.pgPool ??= createPool();
  return globalForDb.pgPool;
}

function createPool(): pg.Pool {
  // Timeouts, so that a database that hangs (rather than refusing) turns into 503s within 10 s
  // instead of requests that wait forever. A request can wait for a connection and then for its
  // query, so the two add up: 5 s + 8 s once answered in 13 s (tests/resilience). A 2 s wait
  // for a connection already means the pool is overloaded: that request is shed with a 503,
  // without opening the circuit breaker for everyone (lib/errors/database-failure.ts).
  const created = new pg.Pool({
    connectionString: databaseUrl(),
    max: 20,
    connectionTimeoutMillis: 2_000,
    query_timeout: 7_000,
  });
  // Without a listener, an idle connection dropped by the server (a restart, an outage) would
  // crash the process; the next query simply opens a new one.
  created.on("error", (error) => console.warn(`[db] idle connection lost: ${error.message}`));
  return created;
}

export function db(): PrismaClient {
  globalForDb.prisma ??= new PrismaClient({ adapter: new PrismaPg(pool()) });
  return globalForDb.prisma;
}

/**
 * The client report reads run on (lib/server/metrics): a pool of its own, REPORT_CONNECTIONS
 * strong, so that however many reports run, they hold none of the 20 connections every other
 * request needs; they queue for their own. Each of its statements is cancelled by PostgreSQL
 * after REPORT_STATEMENT_TIMEOUT_SECONDS, set once per connection, so that no report statement
 * escapes it; the client-side query timeout stays above it, so that a slow report is a
 * cancelled statement (503 for that request) and only a database that does not answer at all
 * counts as one that is gone.
 */
export function reportDb(): PrismaClient {
  globalForDb.reportPrisma ??= new PrismaClient({
    adapter: new PrismaPg(reportPool()),
    // Prisma waits 2 s by default for a connection to start a transaction in: as long as the
    // pool's own wait here, and a transaction may last as long as its statement may.
    transactionOptions: { maxWait: REPORT_CONNECTION_WAIT_MS, timeout: reportStatementTimeoutMs() + 2_000 },
  });
  return globalForDb.reportPrisma;
}

/** Reports wait for each other's connections rather than fail at once; past this one answers 503. */
const REPORT_CONNECTION_WAIT_MS = 5_000;
const reportStatementTimeoutMs = () =>
  Math.round(reportConnectionSettings().REPORT_STATEMENT_TIMEOUT_SECONDS * 1000);

function reportPool(): pg.Pool {
  if (globalForDb.reportPool) return globalForDb.reportPool;
  const statementTimeout = reportStatementTimeoutMs();
  const created = new pg.Pool({
    connectionString: databaseUrl(),
    max: reportConnectionSettings().REPORT_CONNECTIONS,
    connectionTimeoutMillis: REPORT_CONNECTION_WAIT_MS,
    statement_timeout: statementTimeout,
    query_timeout: statementTimeout + 2_000,
  });
  created.on("error", (error) => console.warn(`[db] idle report connection lost: ${error.message}`));
  globalForDb.reportPool = created;
  return created;
}

/** Closes this process's connections (before PostgreSQL stops, or at the end of a CLI command). */
export async function closeDatabase(): Promise<void> {
  const { prisma, pgPool, reportPrisma, reportPool } = globalForDb;
  Object.assign(globalForDb, {
    prisma: undefined,
    pgPool: undefined,
    reportPrisma: undefined,
    reportPool: undefined,
  });
  await Promise.all([prisma?.$disconnect(), reportPrisma?.$disconnect()]);
  await Promise.all([pgPool?.end(), reportPool?.end()]);
}

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

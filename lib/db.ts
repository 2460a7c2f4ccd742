import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { databaseUrl } from "./env";
import { PrismaClient } from "./generated/prisma/client";

// One pool and one client per process; in development modules are re-evaluated on every change,
// so both live on globalThis to avoid opening a new pool each time.
const globalForDb = globalThis as unknown as { pgPool?: pg.Pool; prisma?: PrismaClient };

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
  // for a connection already means the pool is overloaded, and shedding that load is right.
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

/** Closes this process's connections (before PostgreSQL stops, or at the end of a CLI command). */
export async function closeDatabase(): Promise<void> {
  const { prisma, pgPool } = globalForDb;
  globalForDb.prisma = undefined;
  globalForDb.pgPool = undefined;
  await prisma?.$disconnect();
  await pgPool?.end();
}

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

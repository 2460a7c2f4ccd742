import { PrismaPg } from "@prisma/adapter-pg";
import { databaseUrl } from "./env";
import { PrismaClient } from "./generated/prisma/client";

function createClient(): PrismaClient {
  // Timeouts, so that a database that hangs (rather than refusing) turns into quick 503s
  // instead of requests that wait forever.
  const adapter = new PrismaPg({
    connectionString: databaseUrl(),
    max: 20,
    connectionTimeoutMillis: 5_000,
    query_timeout: 8_000,
  });
  return new PrismaClient({ adapter });
}

// One client per process; in development the module is re-evaluated on every change,
// so the instance lives on globalThis to avoid opening a new pool each time.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export function db(): PrismaClient {
  globalForPrisma.prisma ??= createClient();
  return globalForPrisma.prisma;
}

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

import net from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migratedAppDatabase } from "../support/app-environment";

// What each way a database call can fail means for the circuit breaker, with the errors the
// real libraries raise (pg-pool, pg, Prisma on the report pool) against a real PostgreSQL: only
// a database that is gone opens the circuit; a busy pool or a report cancelled at its statement
// timeout answers that one request 503.

let database: Awaited<ReturnType<typeof migratedAppDatabase>>;
let closeDatabase: (() => Promise<void>) | undefined;
const pools: pg.Pool[] = [];

beforeAll(async () => {
  database = await migratedAppDatabase("database_failures", { REPORT_STATEMENT_TIMEOUT_SECONDS: "0.2" });
  ({ closeDatabase } = await import("../../lib/db"));
}, 120_000);

afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.end().catch(() => {})));
  await closeDatabase?.();
  await database?.drop();
});

const rejectionOf = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (error: unknown) => error,
  );

async function circuitAfter(error: unknown) {
  const circuit = await import("../../lib/api/database-circuit");
  circuit.settleDatabaseWork(circuit.admitDatabaseWork(), error);
  try {
    circuit.admitDatabaseWork();
    return "closed";
  } catch {
    return "open";
  } finally {
    // Whatever happened, close it for the next case.
    circuit.databaseWorked({ probe: true });
  }
}

describe("database failures", () => {
  it("a pool with every connection in use is busy: 503 for that request, the circuit stays closed", async () => {
    const pool = new pg.Pool({ connectionString: database.url, max: 1, connectionTimeoutMillis: 200 });
    pools.push(pool);
    const held = await pool.connect();
    const error = await rejectionOf(pool.query("select 1"));
    held.release();
    const { databaseFailureOf } = await import("../../lib/errors/database-failure");
    const { toAppError } = await import("../../lib/api/problem");
    expect(databaseFailureOf(error)).toBe("busy");
    expect(toAppError(error)).toMatchObject({
      code: "service_unavailable",
      options: { retryAfterSeconds: 1 },
    });
    expect(await circuitAfter(error)).toBe("closed");
  });

  it("a refused connection is a database that is gone: the circuit opens", async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as net.AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const pool = new pg.Pool({ connectionString: `postgres://x:y@127.0.0.1:${port}/z`, max: 1 });
    pools.push(pool);
    const error = await rejectionOf(pool.query("select 1"));
    const { databaseFailureOf } = await import("../../lib/errors/database-failure");
    expect(databaseFailureOf(error)).toBe("gone");
    expect(await circuitAfter(error)).toBe("open");
  });

  it("a report statement past REPORT_STATEMENT_TIMEOUT_SECONDS is cancelled by PostgreSQL: 503, the circuit stays closed", async () => {
    const { reportQuery } = await import("../../lib/server/metrics/report-query");
    const { Prisma } = await import("../../lib/generated/prisma/client");
    const started = Date.now();
    const error = await rejectionOf(reportQuery(Prisma.sql`select pg_sleep(2)`));
    expect(Date.now() - started).toBeLessThan(1_900);
    const { databaseFailureOf } = await import("../../lib/errors/database-failure");
    const { toAppError } = await import("../../lib/api/problem");
    expect(databaseFailureOf(error)).toBe("too_slow");
    expect(toAppError(error).code).toBe("service_unavailable");
    expect(await circuitAfter(error)).toBe("closed");
    // The connection is fine afterwards: the next report statement runs.
    expect(await reportQuery<{ one: number }>(Prisma.sql`select 1 as one`)).toEqual([{ one: 1 }]);
  });
});

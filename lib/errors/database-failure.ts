import { AppError } from "./app-error";

/**
 * What a failed database call says about the database. Only "gone" opens the circuit breaker
 * (lib/api/database-circuit.ts): the server refused or dropped the connection, or a query got no answer
 * (the pool's query timeout: a hung server). "busy" is a pool that could not hand out a
 * connection in time: every one was in use (pg-pool's wait for a free client timed out), or a
 * new one took longer than the connection timeout to set up, which a burst on a cold pool on a
 * loaded machine does as well as a hung server (the hung server's queries then time out and open
 * the circuit). That request gets a 503 and nobody else does. A statement PostgreSQL cancelled at its statement_timeout (the report pool's, lib/db.ts)
 * is "too slow": that request's own cost, also not the database's state.
 */
export type DatabaseFailure = "gone" | "busy" | "too_slow";

// P2028 is Prisma's own wait for a connection to start a transaction in (2 s) running out.
const BUSY =
  /timeout exceeded when trying to connect|Connection terminated due to connection timeout|P2028|Unable to start a transaction in the given time/i;
const TOO_SLOW = /\b57014\b|canceling statement due to statement timeout/i;
const GONE =
  /ECONNREFUSED|ECONNRESET|EPIPE|57P01|57P03|08006|08001|P1001|P1017|Connection terminated|not queryable|Query read timeout|DatabaseNotReachable|connect ETIMEDOUT/i;

export function databaseFailureOf(error: unknown): DatabaseFailure | undefined {
  const text = errorText(error);
  if (BUSY.test(text)) return "busy";
  if (TOO_SLOW.test(text)) return "too_slow";
  if (GONE.test(text)) return "gone";
  return undefined;
}

// Prisma wraps the driver's error: its code and message, and those of its causes, all count.
function errorText(error: unknown, depth = 0): string {
  if (!error || typeof error !== "object" || depth > 3) return "";
  const { code, message, cause } = error as { code?: unknown; message?: unknown; cause?: unknown };
  return `${String(code ?? "")} ${String(message ?? "")} ${errorText(cause, depth + 1)}`;
}

/** How long the API's circuit breaker (lib/api/database-circuit.ts) stays open once the database is gone. */
export const DATABASE_CIRCUIT_OPEN_MS = 3_000;

/** The domain's answer when the database cannot be reached: a 503 with a Retry-After past the open circuit. */
export function unavailable(): AppError {
  return new AppError("service_unavailable", "The database is unavailable; retry shortly.", {
    retryAfterSeconds: Math.ceil(DATABASE_CIRCUIT_OPEN_MS / 1000) + 2,
  });
}

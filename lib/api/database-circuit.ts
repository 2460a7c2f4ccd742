import {
  databaseFailureOf,
  DATABASE_CIRCUIT_OPEN_MS as OPEN_MS,
  unavailable,
} from "../errors/database-failure";

// A circuit breaker for the database. When a request finds the database gone (unreachable,
// connections dropped, or hung: lib/errors/database-failure.ts), the circuit opens: for OPEN_MS every
// request answers 503 at once instead of queueing behind connections that will time out. Then
// one request at a time is let through as a probe; its success closes the circuit, its failure
// opens it again.

let openUntil = 0;
let probeInFlight = false;

export interface Admission {
  probe: boolean;
}

/** Before a request touches the database: throws a 503 while the circuit is open. */
export function admitDatabaseWork(): Admission {
  if (openUntil === 0) return { probe: false };
  if (Date.now() < openUntil || probeInFlight) throw unavailable();
  probeInFlight = true;
  return { probe: true };
}

/**
 * After the request, with what it threw if anything: a database that is gone opens the circuit;
 * a busy pool or a statement cancelled for taking too long proves neither that the database is
 * gone nor that it is back, so a probe ends without deciding; anything else means it answered.
 */
export function settleDatabaseWork(admission: Admission, error?: unknown): void {
  const failure = error === undefined ? undefined : databaseFailureOf(error);
  if (failure === "gone") {
    // One line per outage (a failed probe re-opens without one), so that an operator sees why
    // requests are being turned away.
    if (openUntil === 0)
      console.warn(`[db] database gone, answering 503 for ${OPEN_MS} ms: ${messageOf(error)}`);
    databaseFailed(admission);
  } else if (failure === undefined) databaseWorked(admission);
  else if (admission.probe) probeInFlight = false;
}

export function databaseWorked(admission: Admission): void {
  if (!admission.probe) return;
  probeInFlight = false;
  openUntil = 0;
}

export function databaseFailed(admission: Admission): void {
  if (admission.probe) probeInFlight = false;
  openUntil = Date.now() + OPEN_MS;
}

const messageOf = (error: unknown) => String((error as Error)?.message ?? error).slice(0, 300);

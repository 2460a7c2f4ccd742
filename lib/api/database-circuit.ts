import { ApiError } from "./api-error";

// A circuit breaker for the database. When a request finds the database unreachable or hung,
// the circuit opens: for OPEN_MS every request answers 503 at once instead of queueing behind
// connections that will time out. Then one request at a time is let through as a probe; its
// success closes the circuit, its failure opens it again.
const OPEN_MS = 3_000;

let openUntil = 0;
let probeInFlight = false;

/** Before a request touches the database: throws a 503 while the circuit is open. */
export function admitDatabaseWork(): { probe: boolean } {
  if (openUntil === 0) return { probe: false };
  if (Date.now() < openUntil || probeInFlight) throw unavailable();
  probeInFlight = true;
  return { probe: true };
}

export function databaseWorked(admission: { probe: boolean }): void {
  if (!admission.probe) return;
  probeInFlight = false;
  openUntil = 0;
}

export function databaseFailed(admission: { probe: boolean }): void {
  if (admission.probe) probeInFlight = false;
  openUntil = Date.now() + OPEN_MS;
}

export function unavailable(): ApiError {
  return new ApiError("service_unavailable", "The database is unavailable; retry shortly.", {
    headers: { "retry-after": String(Math.ceil(OPEN_MS / 1000) + 2) },
  });
}

import { createHash } from "node:crypto";
import type { RateLimiterPostgres } from "rate-limiter-flexible";
import type { Tx } from "../db";
import { env } from "../env";
import { addressLimitKey, clientAddress } from "../http/client-address";
import { consume, postgresLimiter } from "../rate-limits/postgres-limiter";

// Two limits on guessing passwords, kept in PostgreSQL so that they hold across app instances:
//
// - per client address (lib/http/client-address.ts, so a made-up X-Forwarded-For changes
//   nothing): SIGN_IN_ATTEMPTS_PER_ADDRESS attempts in 15 minutes, whichever emails they name;
//   a sign-in that succeeds gives its attempt back.
// - per account, growing back-off: after the n-th consecutive failure the account takes no
//   attempt for 2^(n-1) seconds (1 s, 2 s, 4 s, … at most 15 minutes), from any address; a right
//   password ends it. Failures are forgotten a day after the first of them.
//
// The account's back-off is a gate every attempt passes *before* its password is checked (an
// atomic upsert), so a burst of parallel guesses cannot all slip in before the first failure is
// recorded: while no back-off runs, at most CONCURRENT_ATTEMPTS_PER_ACCOUNT attempts get through
// before one of them settles (a success clears the gate, a failure closes it for the back-off).
const ADDRESS_WINDOW_SECONDS = 15 * 60;
const MAX_BACKOFF_SECONDS = 15 * 60;
const FAILURES_KEPT_SECONDS = 24 * 60 * 60;
/** Attempts one account may start while none has settled: a few tabs, a few test workers. */
const CONCURRENT_ATTEMPTS_PER_ACCOUNT = 5;
/** How long the gate counts unsettled attempts (a check that crashed is forgotten after it). */
const GATE_WINDOW_SECONDS = 60;
const GATE_PREFIX = "sign-in-account";
const FAILURES_PREFIX = "sign-in-failures";

let limiters:
  | { byAddress: RateLimiterPostgres; gate: RateLimiterPostgres; failures: RateLimiterPostgres }
  | undefined;

function configured() {
  limiters ??= {
    byAddress: postgresLimiter({
      keyPrefix: "sign-in-address",
      points: env().SIGN_IN_ATTEMPTS_PER_ADDRESS,
      duration: ADDRESS_WINDOW_SECONDS,
    }),
    gate: postgresLimiter({
      keyPrefix: GATE_PREFIX,
      points: CONCURRENT_ATTEMPTS_PER_ACCOUNT,
      duration: GATE_WINDOW_SECONDS,
    }),
    failures: postgresLimiter({
      keyPrefix: FAILURES_PREFIX,
      points: 1_000_000,
      duration: FAILURES_KEPT_SECONDS,
    }),
  };
  return limiters;
}

/** The seconds an account waits after its n-th consecutive failure. */
export function backoffSeconds(failures: number): number {
  return Math.min(MAX_BACKOFF_SECONDS, 2 ** Math.max(0, failures - 1));
}

/**
 * Before a sign-in's password is checked: counts the attempt for its client address and passes
 * the account's gate. False when either refuses; then the password must not be checked at all.
 */
export async function consumeSignInAttempt(request: Request, email: string): Promise<boolean> {
  const { byAddress, gate } = configured();
  if (!(await consume(byAddress, addressKeyOf(request))).allowed) return false;
  return (await consume(gate, accountKeyOf(email))).allowed;
}

/** After the check: a right password clears the account's back-off, a wrong one extends it. */
export async function settleSignInAttempt(request: Request, email: string, passwordWasRight: boolean) {
  const { byAddress, gate, failures } = configured();
  const account = accountKeyOf(email);
  if (passwordWasRight) {
    await Promise.all([
      gate.delete(account),
      failures.delete(account),
      byAddress.reward(addressKeyOf(request)),
    ]);
    return;
  }
  const { consumedPoints } = await failures.penalty(account);
  await gate.block(account, backoffSeconds(consumedPoints));
}

/**
 * An admin set a new password or enabled the account again: failures made before are no reason
 * to keep its owner waiting (a guessed old password no longer works, a disabled account could
 * not be signed into anyway). The per-address limit stays: it is about the guesser, not the
 * account. Deletes the account's rows in the change's own transaction, by the keys
 * rate-limiter-flexible gives them (`<prefix>:<key>`), so that the CLI, which has no app
 * environment to configure the limiters with, can do it too.
 */
export async function forgetAccountFailures(tx: Tx, email: string): Promise<void> {
  const account = accountKeyOf(email);
  await tx.rateLimit.deleteMany({
    where: { key: { in: [GATE_PREFIX, FAILURES_PREFIX].map((prefix) => `${prefix}:${account}`) } },
  });
}

const addressKeyOf = (request: Request) => addressLimitKey(clientAddress(request.headers));

// Hashed, so that the table holds no email addresses (and keys stay within its 255 characters).
const accountKeyOf = (email: string) => createHash("sha256").update(email.trim().toLowerCase()).digest("hex");

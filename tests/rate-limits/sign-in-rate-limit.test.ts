import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migratedAppDatabase } from "../support/app-environment";

// The sign-in limits (lib/auth/sign-in-rate-limit.ts) on a real migrated PostgreSQL, called as
// lib/auth/auth-js.ts calls them: before the password check, and after it with its outcome.

let database: Awaited<ReturnType<typeof migratedAppDatabase>>;
let limits: typeof import("../../lib/auth/sign-in-rate-limit");
let closeDatabase: (() => Promise<void>) | undefined;

beforeAll(async () => {
  database = await migratedAppDatabase("sign_in_limits");
  limits = await import("../../lib/auth/sign-in-rate-limit");
  ({ closeDatabase } = await import("../../lib/db"));
}, 120_000);

afterAll(async () => {
  await closeDatabase?.();
  await database?.drop();
});

/** A request as the app's server hands it on: whatever the client sent, then the socket's address. */
const from = (address: string, spoofed?: string) =>
  new Request("http://localhost:3000/api/auth/callback/credentials", {
    headers: { "x-forwarded-for": spoofed ? `${spoofed}, ${address}` : address },
  });
const email = () => `guess-${randomUUID().slice(0, 8)}@example.com`;
let nextAddress = 1;
const address = () => `198.51.100.${nextAddress++}`;
const madeUp = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.1`;

/** One attempt as lib/auth/auth-js.ts makes it; the outcome of the password check is given. */
async function attempt(request: Request, account: string, passwordRight = false): Promise<boolean> {
  if (!(await limits.consumeSignInAttempt(request, account))) return false;
  await limits.settleSignInAttempt(request, account, passwordRight);
  return true;
}

/** Milliseconds until the account's gate opens, read from the shared table. */
async function gateMs(): Promise<number[]> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ ms: string }>(
      "select expire - (extract(epoch from clock_timestamp()) * 1000)::bigint as ms from rate_limits where key like 'sign-in-account:%' and points > 5",
    );
    return rows.map((row) => Number(row.ms));
  } finally {
    await client.end();
  }
}

describe("sign-in limits", () => {
  it("back-off per account grows 1 s, 2 s, 4 s… capped at 15 minutes", () => {
    expect([1, 2, 3, 4, 10, 11, 30].map(limits.backoffSeconds)).toEqual([1, 2, 4, 8, 512, 900, 900]);
  });

  it("after each failure the account waits longer, whichever address tries next, until the wait is over", async () => {
    const account = email();
    expect(await attempt(from(address()), account)).toBe(true);
    let settledAt = Date.now();
    // At once, from another address: refused without a password check.
    expect(await limits.consumeSignInAttempt(from(address()), account)).toBe(false);
    // A different account from the same moment is not affected.
    expect(await attempt(from(address()), email())).toBe(true);

    for (const expectedSeconds of [1, 2]) {
      while (!(await limits.consumeSignInAttempt(from(address()), account))) await sleep(50);
      const waited = Date.now() - settledAt;
      expect(waited).toBeGreaterThanOrEqual(expectedSeconds * 1000 - 100);
      expect(waited).toBeLessThan(expectedSeconds * 1000 + 1_000);
      await limits.settleSignInAttempt(from(address()), account, false);
      settledAt = Date.now();
    }
    // Third consecutive failure: 4 s.
    const [ms] = await gateMs().then((all) => all.sort((a, b) => b - a));
    expect(ms).toBeGreaterThan(3_000);
    expect(ms).toBeLessThanOrEqual(4_000);
  }, 20_000);

  it("a right password ends the back-off at once", async () => {
    const account = email();
    const office = from(address());
    expect(await attempt(office, account)).toBe(true);
    expect(await limits.consumeSignInAttempt(office, account)).toBe(false);
    while (!(await limits.consumeSignInAttempt(office, account))) await sleep(100);
    await limits.settleSignInAttempt(office, account, true);
    // No back-off left: the next attempt is let through immediately, and so is a failing one after it.
    expect(await attempt(office, account)).toBe(true);
  });

  it("per address, across emails: the attempt past SIGN_IN_ATTEMPTS_PER_ADDRESS (20) is refused, though every XFF was made up", async () => {
    const attacker = address();
    const outcomes: boolean[] = [];
    for (let i = 0; i < 21; i++) outcomes.push(await attempt(from(attacker, madeUp()), email()));
    expect(outcomes.slice(0, 20)).toEqual(Array(20).fill(true));
    expect(outcomes[20]).toBe(false);
    // Another address is not affected.
    expect(await attempt(from(address()), email())).toBe(true);
  });

  it("sign-ins that succeed give their address its attempt back", async () => {
    const office = from(address());
    for (let i = 0; i < 25; i++) expect(await attempt(office, email(), true)).toBe(true);
  });

  it("30 parallel guesses at one account from 30 addresses: at most 5 get a password check", async () => {
    const account = email();
    const admitted = await Promise.all(
      Array.from({ length: 30 }, () => limits.consumeSignInAttempt(from(address()), account)),
    );
    expect(admitted.filter(Boolean).length).toBeGreaterThan(0);
    expect(admitted.filter(Boolean).length).toBeLessThanOrEqual(5);
  });
});

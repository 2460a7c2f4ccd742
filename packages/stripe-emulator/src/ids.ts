import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** Random base-62 text, unguessable enough for ids and client secrets. */
export function randomToken(length: number): string {
  const bytes = randomBytes(length);
  let token = "";
  for (const byte of bytes) token += ALPHABET[byte % ALPHABET.length];
  return token;
}

/** Ids look like Stripe's: a type prefix then 24 base-62 characters (`cus_…`, `pi_…`). */
export function newId(prefix: string): string {
  return `${prefix}_${randomToken(24)}`;
}

/** Checkout session ids are long in Stripe, and test-mode ones start with `cs_test_`. */
export function newCheckoutSessionId(): string {
  return `cs_test_${randomToken(58)}`;
}

export function clientSecretFor(id: string): string {
  return `${id}_secret_${randomToken(24)}`;
}

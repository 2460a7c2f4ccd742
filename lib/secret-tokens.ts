import { createHash, randomBytes } from "node:crypto";

/** A random, URL-safe secret of `bytes` bytes (32 bytes = 256 bits). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/**
 * SHA-256 for secrets we only ever compare (API keys, payment-link tokens). They are long and
 * random, so a fast hash is safe, unlike passwords, and lets us find the row by the hash.
 */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

// Standard Webhooks (standardwebhooks.com): the signed content is "{id}.{timestamp}.{body}",
// HMAC-SHA256 with the secret's bytes (base64 after the "whsec_" prefix), sent as "v1,<base64>".

export function newSigningSecret(): string {
  return `whsec_${randomBytes(24).toString("base64")}`;
}

export function signatureHeaders(
  secret: string,
  messageId: string,
  body: string,
  timestamp = Math.floor(Date.now() / 1000),
) {
  return {
    "webhook-id": messageId,
    "webhook-timestamp": String(timestamp),
    "webhook-signature": `v1,${sign(secret, messageId, timestamp, body)}`,
  };
}

/** For receivers (and our tests): checks one of the space-separated v1 signatures and the clock skew. */
export function verifySignature(
  secret: string,
  headers: Record<string, string | undefined>,
  body: string,
  toleranceSeconds = 300,
): boolean {
  const id = headers["webhook-id"];
  const timestamp = Number(headers["webhook-timestamp"]);
  if (!id || !Number.isFinite(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > toleranceSeconds)
    return false;
  const expected = Buffer.from(sign(secret, id, timestamp, body));
  return (headers["webhook-signature"] ?? "").split(" ").some((entry) => {
    const [version, signature] = entry.split(",");
    const given = Buffer.from(signature ?? "");
    return version === "v1" && given.length === expected.length && timingSafeEqual(given, expected);
  });
}

function sign(secret: string, messageId: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  return createHmac("sha256", key).update(`${messageId}.${timestamp}.${body}`).digest("base64");
}

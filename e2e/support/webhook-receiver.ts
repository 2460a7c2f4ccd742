import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
  json: { id: string; type: string; created_at: string; data: Record<string, unknown> };
  answeredWith: number;
}

/**
 * An integrator's webhook endpoint on 127.0.0.1: records every request and answers 500 to the
 * first `failFirst` attempts of each message (by webhook-id), 204 after that. Per message,
 * because parallel specs' events reach every endpoint that enabled their type.
 */
export async function startWebhookReceiver(options: { failFirst?: number } = {}) {
  const received: ReceivedWebhook[] = [];
  const attemptsByMessage = new Map<string, number>();
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => {
      body += chunk;
    });
    request.on("end", () => {
      const messageId = String(request.headers["webhook-id"]);
      const attempt = (attemptsByMessage.get(messageId) ?? 0) + 1;
      attemptsByMessage.set(messageId, attempt);
      const answeredWith = attempt <= (options.failFirst ?? 0) ? 500 : 204;
      received.push({ headers: request.headers, body, json: JSON.parse(body), answeredWith });
      response.writeHead(answeredWith).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/donutwork`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Verifies a Standard Webhooks signature the way an integrator would, written here from the
 * specification rather than reusing the app's signer, so the test can catch a wrong signature.
 */
export function hasValidSignature(secret: string, webhook: ReceivedWebhook): boolean {
  const id = String(webhook.headers["webhook-id"]);
  const timestamp = String(webhook.headers["webhook-timestamp"]);
  const key = Buffer.from(secret.slice("whsec_".length), "base64");
  const expected = createHmac("sha256", key).update(`${id}.${timestamp}.${webhook.body}`).digest();
  return String(webhook.headers["webhook-signature"])
    .split(" ")
    .some((part) => {
      const [version, signature] = part.split(",");
      const given = Buffer.from(signature ?? "", "base64");
      return version === "v1" && given.length === expected.length && timingSafeEqual(given, expected);
    });
}

import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

/** The body of one of our outgoing webhooks (Standard Webhooks' message). */
export interface WebhookMessage {
  id: string;
  type: string;
  created_at: string;
  data: { id?: string } & Record<string, unknown>;
}

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
  /** The parsed body; empty fields when it was not JSON. */
  json: WebhookMessage;
  /** The `webhook-id` header: one per message, the same on every retry of it. */
  webhookId: string;
  answeredWith: number;
  at: number;
  /** The answer reached the sender's connection (false while delayed, or if the sender gave up). */
  completed: boolean;
}

export interface ReceiverOptions {
  /** The status for the n-th attempt (from 1) of one message; 204 when not given. */
  answer?: (attempt: number) => number;
  /** How long to wait before answering, like a slow real endpoint. */
  delayMs?: number;
}

/** 500 to the first `count` attempts of each message, 204 after that. */
export const failingFirst =
  (count: number) =>
  (attempt: number): number =>
    attempt <= count ? 500 : 204;

/**
 * An integrator's webhook endpoint on 127.0.0.1 that records every request. Attempts are counted
 * per message (by webhook-id), because parallel tests' events reach every endpoint that enabled
 * their type.
 */
export async function startWebhookReceiver(options: ReceiverOptions = {}) {
  const received: ReceivedWebhook[] = [];
  const attempts = new Map<string, number>();
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => {
      body += chunk;
    });
    request.on("end", () => {
      const webhookId = String(request.headers["webhook-id"]);
      const attempt = (attempts.get(webhookId) ?? 0) + 1;
      attempts.set(webhookId, attempt);
      const answeredWith = options.answer?.(attempt) ?? 204;
      const entry: ReceivedWebhook = {
        headers: request.headers,
        body,
        json: parsedMessage(body),
        webhookId,
        answeredWith,
        at: Date.now(),
        completed: false,
      };
      received.push(entry);
      response.on("finish", () => {
        entry.completed = true;
      });
      const answer = () => {
        if (!response.destroyed) response.writeHead(answeredWith).end();
      };
      if (options.delayMs) setTimeout(answer, options.delayMs);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/donutwork`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function parsedMessage(body: string): WebhookMessage {
  try {
    return JSON.parse(body) as WebhookMessage;
  } catch {
    return { id: "", type: "", created_at: "", data: {} };
  }
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

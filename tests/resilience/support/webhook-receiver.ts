// An integrator's webhook endpoint on 127.0.0.1 that records every request (event id, message
// id, customer, the status it answered), like e2e/support/webhook-receiver.ts but for tests that
// run outside Playwright.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface Received {
  webhookId: string;
  eventId: string;
  type: string;
  customerId: string | undefined;
  answeredWith: number;
  at: number;
  /** The answer reached the sender's connection (false if the sender died waiting). */
  completed: boolean;
}

export async function startReceiver(
  options: { answer?: (attempt: number) => number; delayMs?: number } = {},
) {
  const received: Received[] = [];
  const attempts = new Map<string, number>();
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      const webhookId = String(req.headers["webhook-id"]);
      const attempt = (attempts.get(webhookId) ?? 0) + 1;
      attempts.set(webhookId, attempt);
      const answeredWith = options.answer?.(attempt) ?? 204;
      let parsed: { id?: string; type?: string; data?: { id?: string } } = {};
      try {
        parsed = JSON.parse(body);
      } catch {
        // recorded with empty fields
      }
      const entry: Received = {
        webhookId,
        eventId: String(parsed.id),
        type: String(parsed.type),
        customerId: parsed.data?.id,
        answeredWith,
        at: Date.now(),
        completed: false,
      };
      received.push(entry);
      res.on("finish", () => {
        entry.completed = true;
      });
      const answer = () => {
        if (!res.destroyed) res.writeHead(answeredWith).end();
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

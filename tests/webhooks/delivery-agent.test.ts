import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Resolver } from "../../lib/webhooks/sending/resolve-host";
import { migratedAppDatabase } from "../support/app-environment";
import { ipv6LoopbackAvailable, type Listener, startListener } from "../support/tcp-listeners";
import { insertDelivery, insertEndpoint } from "../support/webhook-rows";

// One delivery attempt (claim, send, record) on a real PostgreSQL, through the delivery agent
// with an injected resolver playing a DNS server that answers as an attacker's would.

let database: Awaited<ReturnType<typeof migratedAppDatabase>>;
let app: {
  db: typeof import("../../lib/db").db;
  closeDatabase: typeof import("../../lib/db").closeDatabase;
  claimDueDeliveries: typeof import("../../lib/webhooks/deliveries/claim-deliveries").claimDueDeliveries;
  deliverWebhook: typeof import("../../lib/webhooks/deliveries/deliver-webhook").deliverWebhook;
  createDeliveryAgent: typeof import("../../lib/webhooks/sending/delivery-agent").createDeliveryAgent;
  createWebhookSender: typeof import("../../lib/webhooks/sending/send-webhook").createWebhookSender;
  endpointUrlProblem: typeof import("../../lib/webhooks/endpoints/endpoint-url").endpointUrlProblem;
};
const listeners: Listener[] = [];

beforeAll(async () => {
  database = await migratedAppDatabase("delivery_agent", {
    WEBHOOK_ALLOW_PRIVATE_URLS: "false",
    WEBHOOK_RETRY_DELAY_SECONDS: "3600",
  });
  app = {
    ...(await import("../../lib/db")),
    ...(await import("../../lib/webhooks/deliveries/claim-deliveries")),
    ...(await import("../../lib/webhooks/deliveries/deliver-webhook")),
    ...(await import("../../lib/webhooks/sending/delivery-agent")),
    ...(await import("../../lib/webhooks/sending/send-webhook")),
    ...(await import("../../lib/webhooks/endpoints/endpoint-url")),
  };
}, 120_000);

afterAll(async () => {
  await Promise.all(listeners.map((listener) => listener.close()));
  await app?.closeDatabase();
  await database?.drop();
});

async function listen(host: string, options?: Parameters<typeof startListener>[1]) {
  const listener = await startListener(host, options);
  listeners.push(listener);
  return listener;
}

/** Registers nothing: the endpoint row is written as registration wrote it, then its delivery is attempted once. */
async function attemptOnce(url: string, sender: ReturnType<typeof app.createWebhookSender>) {
  const deliveryId = await insertDelivery(app.db(), await insertEndpoint(app.db(), url));
  const [claim] = await app.claimDueDeliveries({ limit: 1, perEndpoint: 1 });
  expect(claim?.id).toBe(deliveryId);
  if (claim) await app.deliverWebhook(claim, sender);
  return app
    .db()
    .webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId }, include: { attempts: true } });
}

const guardedSender = (resolve: Resolver) =>
  app.createWebhookSender({
    allowPrivate: false,
    dispatcher: app.createDeliveryAgent({ resolve, allowPrivate: false }),
  });

describe("the delivery agent", () => {
  it("refuses a name that resolved to a public address at registration and to 127.0.0.1 at delivery (DNS rebinding)", async () => {
    const listener = await listen("127.0.0.1");
    const answers = [[{ address: "93.184.215.14", family: 4 as const }]];
    let lookups = 0;
    const rebinding: Resolver = async () => answers[lookups++] ?? [{ address: "127.0.0.1", family: 4 }];
    const url = `https://hooks.partner-crm.example:${listener.port}/in`;

    expect(await app.endpointUrlProblem(url, { resolve: rebinding, allowPrivate: false })).toBeNull();
    const delivery = await attemptOnce(url, guardedSender(rebinding));

    expect(lookups).toBe(2); // the connect resolved the name itself, once, and used that answer
    expect(delivery.attempts).toEqual([
      expect.objectContaining({
        number: 1,
        statusCode: null,
        error: "refused: hooks.partner-crm.example resolves to 127.0.0.1, a loopback address",
      }),
    ]);
    expect(delivery).toMatchObject({ status: "pending", attemptCount: 1, leasedUntil: null });
    expect(listener.connections()).toBe(0);
  });

  it("refuses a name that resolves to ::1, and one that mixes a public and an internal address", async () => {
    const v6 = (await ipv6LoopbackAvailable()) ? await listen("::1") : undefined;
    const v4 = await listen("127.0.0.1");
    const toV6 = await attemptOnce(
      `https://v6.partner-crm.example:${v6?.port ?? v4.port}/in`,
      guardedSender(async () => [{ address: "::1", family: 6 }]),
    );
    const mixed = await attemptOnce(
      `https://mixed.partner-crm.example:${v4.port}/in`,
      guardedSender(async () => [
        { address: "93.184.215.14", family: 4 },
        { address: "127.0.0.1", family: 4 },
      ]),
    );
    expect(toV6.attempts.map((attempt) => attempt.error)).toEqual([
      "refused: v6.partner-crm.example resolves to ::1, a loopback address",
    ]);
    expect(mixed.attempts.map((attempt) => attempt.error)).toEqual([
      "refused: mixed.partner-crm.example resolves to 127.0.0.1, a loopback address",
    ]);
    expect(v4.connections()).toBe(0);
    expect(v6?.connections() ?? 0).toBe(0);
  });

  it("records a redirect as the answer and never follows it, not even where private URLs are allowed", async () => {
    const target = await listen("127.0.0.1");
    const receiver = await listen("127.0.0.1", {
      answer: () =>
        `HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1:${target.port}/internal\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`,
    });
    const delivery = await attemptOnce(
      `http://127.0.0.1:${receiver.port}/in`,
      app.createWebhookSender({ allowPrivate: true }),
    );
    expect(delivery).toMatchObject({ lastStatusCode: 302, lastError: "HTTP 302", status: "pending" });
    expect(delivery.attempts.map((attempt) => attempt.statusCode)).toEqual([302]);
    expect(receiver.connections()).toBe(1);
    expect(target.connections()).toBe(0);
  });
});

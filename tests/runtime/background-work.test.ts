import { afterAll, describe, expect, it } from "vitest";
import { withBackgroundWork } from "../support/background-work";
import { type Listener, startListener } from "../support/tcp-listeners";
import { startWebhookReceiver } from "../support/webhook-receiver";
import { insertEndpoint, insertEvent } from "../support/webhook-rows";

// The background work as `npm start` runs it (outbox relay, delivery worker, pg-boss), on a real
// PostgreSQL, with a small endpoint cap and one delivery in flight per endpoint, so that the
// numbers are easy to follow: 4 endpoints × 1 may be in flight, and the worker has more slots.

const MAX_ENDPOINTS = 4;
const BLACK_HOLE_TIMEOUT_MS = 10_000; // the delivery timeout (lib/webhooks/sending/send-webhook.ts)

const app = withBackgroundWork("background_work", {
  WEBHOOK_ALLOW_PRIVATE_URLS: "true",
  WEBHOOK_MAX_ENDPOINTS: String(MAX_ENDPOINTS),
  WEBHOOK_ENDPOINT_CONCURRENCY: "1",
  WEBHOOK_RETRY_DELAY_SECONDS: "3600",
});
const blackHoles: Listener[] = [];
let closeReceiver: (() => Promise<void>) | undefined;

afterAll(async () => {
  await Promise.all(blackHoles.map((listener) => listener.close()));
  await closeReceiver?.();
}, 60_000);

describe("webhook delivery", () => {
  it("reaches a healthy endpoint promptly while black-hole endpoints (accept, never answer) have a backlog", async () => {
    // Endpoints registered first are fanned out to first: the black holes' deliveries are
    // ahead of the healthy one's in every event.
    const blackHoleIds: string[] = [];
    for (let index = 0; index < MAX_ENDPOINTS - 1; index++) {
      const listener = await startListener("127.0.0.1");
      blackHoles.push(listener);
      blackHoleIds.push(await insertEndpoint(app.db(), `http://127.0.0.1:${listener.port}/hooks`));
    }
    const receiver = await startWebhookReceiver();
    closeReceiver = receiver.close;
    await insertEndpoint(app.db(), receiver.url);
    const received = () => new Map(receiver.received.map((hook) => [hook.json.id, hook.at]));

    // 8 events: 24 deliveries into black holes, more than the worker has slots.
    const started = Date.now();
    const events: string[] = [];
    for (let index = 0; index < 8; index++) events.push(await insertEvent(app.db()));
    await expect
      .poll(() => events.filter((id) => received().has(id)).length, { timeout: BLACK_HOLE_TIMEOUT_MS * 2 })
      .toBe(events.length);
    const tookMs = Math.max(...events.map((id) => received().get(id) ?? Number.POSITIVE_INFINITY)) - started;
    console.log(`8 events reached the healthy endpoint ${tookMs} ms after they were written`);
    // Not a speed target: before any black-hole attempt could time out, so the healthy endpoint
    // waited for none of them (a loaded machine took 8 s here).
    expect(tookMs).toBeLessThan(BLACK_HOLE_TIMEOUT_MS);
    // Each black hole holds one delivery at a time, still its first (had an attempt ended, the
    // next of its backlog would have connected); the rest of its backlog waits in the table.
    for (const blackHole of blackHoles) expect(blackHole.connections()).toBe(1);
    const held = await app.db().webhookDelivery.count({
      where: { endpointId: { in: blackHoleIds }, leasedUntil: { gt: new Date() } },
    });
    expect(held).toBe(blackHoles.length);
  });
});

describe("the scheduled jobs (the purge of expired rows, the review of kept figures)", () => {
  it("are scheduled with pg-boss, which sends each once per slot whatever the number of instances", async () => {
    const schedules = await app.db().$queryRaw<
      { name: string; cron: string }[]
    >`select name, cron from pgboss.schedule order by name`;
    expect(schedules).toEqual([
      { name: "purge-expired-rows", cron: "*/10 * * * *" },
      { name: "review-customer-financials", cron: "*/5 * * * *" },
    ]);
  });
});

import { afterAll, describe, expect, it } from "vitest";
import { withBackgroundWork } from "../support/background-work";
import { ipv6LoopbackAvailable, type Listener, startListener } from "../support/tcp-listeners";
import { insertEndpoint, insertEvent } from "../support/webhook-rows";

// The whole delivery path as the app runs it (outbox relay, delivery worker, guarded agent), on
// a real PostgreSQL, with private URLs not allowed: endpoints whose URLs spell a loopback address
// in every way the WHATWG parser accepts (as if registered by an older, laxer version) get an
// event; real listeners on 127.0.0.1 and ::1 must see no connection, proven once every delivery
// has recorded its refused attempt.

const app = withBackgroundWork("ssrf_delivery", {
  WEBHOOK_ALLOW_PRIVATE_URLS: "false",
  WEBHOOK_RETRY_DELAY_SECONDS: "3600",
});
const listeners: Listener[] = [];

afterAll(async () => {
  await Promise.all(listeners.map((listener) => listener.close()));
});

async function attemptsOf(endpointIds: string[]) {
  return app.db().webhookDelivery.findMany({
    where: { endpointId: { in: endpointIds } },
    select: {
      endpoint: { select: { url: true } },
      attemptCount: true,
      lastStatusCode: true,
      lastError: true,
    },
  });
}

describe("outgoing webhooks to internal addresses", () => {
  it("are refused at connect time in every spelling: the listeners on 127.0.0.1 and ::1 see no connection", async () => {
    const v4 = await startListener("127.0.0.1");
    listeners.push(v4);
    const urls = [
      `https://[::ffff:127.0.0.1]:${v4.port}/hooks`,
      `https://[0:0:0:0:0:ffff:7f00:1]:${v4.port}/hooks`,
      `https://[::127.0.0.1]:${v4.port}/hooks`,
      `https://127.0.0.1:${v4.port}/hooks`,
      `https://2130706433:${v4.port}/hooks`,
      `https://0x7f.1:${v4.port}/hooks`,
      `https://0177.0.0.1:${v4.port}/hooks`,
      `https://127.1:${v4.port}/hooks`,
      `https://localhost:${v4.port}/hooks`,
      `https://localhost.:${v4.port}/hooks`,
    ];
    let v6: Listener | undefined;
    if (await ipv6LoopbackAvailable()) {
      v6 = await startListener("::1");
      listeners.push(v6);
      urls.push(`https://[::1]:${v6.port}/hooks`, `https://[0:0:0:0:0:0:0:1]:${v6.port}/hooks`);
    }
    const endpointIds: string[] = [];
    for (const url of urls) endpointIds.push(await insertEndpoint(app.db(), url));
    await insertEvent(app.db());

    // The event that proves nothing connected: every delivery has recorded its first attempt.
    await expect
      .poll(async () => (await attemptsOf(endpointIds)).filter((row) => row.attemptCount >= 1).length, {
        timeout: 30_000,
        interval: 100,
      })
      .toBe(urls.length);
    const attempts = await attemptsOf(endpointIds);
    for (const attempt of attempts)
      expect(attempt, attempt.endpoint.url).toMatchObject({
        lastStatusCode: null,
        lastError: expect.stringMatching(/^refused: /),
      });
    expect(v4.connections()).toBe(0);
    expect(v6?.connections() ?? 0).toBe(0);
  });
});

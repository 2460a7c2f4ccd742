// Two app instances on one database (the second joins the first's embedded PostgreSQL) behind a
// round-robin TCP balancer: the race tests — nothing is done twice across instances.
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newCustomerBody } from "../support/customer-body";
import { embeddedDatabaseUrl, secretsOf } from "../support/data-dir";
import { queryOnce as query } from "../support/database-query";
import { present } from "../support/present";
import { failingFirst, startWebhookReceiver } from "../support/webhook-receiver";
import { type AppProcess, createApiKey, freshDataDir, startApp, stopApp, waitForHealth } from "./support/app";
import { apiClient, json, request } from "./support/http";
import { startBalancer } from "./support/net-tools";

const PORT_A = 3810;
const PORT_B = 3811;
const PORT_BALANCER = 3812;

let dataDir: string;
let balancer: Awaited<ReturnType<typeof startBalancer>>;
let appA: AppProcess | undefined;
let appB: AppProcess | undefined;
let dbUrl: string;
let key: string;
let api: ReturnType<typeof apiClient>;

/** The Stripe emulator an instance uses: the one it started, or the one another instance runs. */
const emulatorPortOf = (app: AppProcess) =>
  app.output
    .map(
      (line) =>
        /Stripe emulator listening at http:\/\/[^:]+:(\d+)/.exec(line)?.[1] ??
        /Using the Stripe emulator another instance runs on port (\d+)/.exec(line)?.[1],
    )
    .find(Boolean);

beforeAll(async () => {
  dataDir = freshDataDir("multi");
  balancer = await startBalancer(PORT_BALANCER, [PORT_A, PORT_B]);
  appA = startApp({ name: "A", port: PORT_A, dataDir, appUrl: balancer.url });
  console.log(`instance A healthy after ${await waitForHealth(appA)} ms`);
  key = await createApiKey(dataDir);
  appB = startApp({ name: "B", port: PORT_B, dataDir, appUrl: balancer.url });
  console.log(`instance B healthy after ${await waitForHealth(appB)} ms`);
  dbUrl = embeddedDatabaseUrl(dataDir);
  api = apiClient(balancer.url, key);
});

afterAll(async () => {
  // B first: A's launcher owns the embedded PostgreSQL that B uses.
  await stopApp(appB);
  await stopApp(appA);
  await balancer?.close();
});

/** Both instances must have served part of a burst, or the test proved nothing about two instances. */
async function servedByBoth<T>(burst: () => Promise<T>): Promise<T> {
  const before = new Map(balancer.counts);
  const result = await burst();
  for (const port of [PORT_A, PORT_B])
    expect(
      (balancer.counts.get(port) ?? 0) - (before.get(port) ?? 0),
      `connections to :${port}`,
    ).toBeGreaterThan(0);
  return result;
}

/** A loopback address of its own (all of 127.0.0.0/8 is this machine): limits set off from it touch no other test. */
const ownAddress = () =>
  `127.${1 + Math.floor(Math.random() * 254)}.${Math.floor(Math.random() * 256)}.${1 + Math.floor(Math.random() * 254)}`;

/** One sign-in through Auth.js's endpoints on `port`: "signed_in", or the code it was refused with. */
async function signInOn(port: number, email: string, localAddress: string): Promise<string> {
  const base = `http://127.0.0.1:${port}`;
  const csrf = await request(`${base}/api/auth/csrf`, { localAddress });
  const cookie = [csrf.headers["set-cookie"] ?? []]
    .flat()
    .map((line) => line.split(";")[0])
    .join("; ");
  const { csrfToken } = json<{ csrfToken: string }>(csrf);
  const answer = await request(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    localAddress,
    headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password: "a-wrong-guess", csrfToken }).toString(),
  });
  return new URL(String(answer.headers.location), base).searchParams.get("code") ?? "signed_in";
}

describe("two instances behind a balancer", () => {
  it("failed API authentications count on every instance: 40 on A, then B refuses all past 60", async () => {
    const localAddress = ownAddress();
    const guesses = async (port: number, count: number) => {
      const statuses: number[] = [];
      for (let sent = 0; sent < count; sent += 10) {
        const wave = await Promise.all(
          Array.from({ length: 10 }, () =>
            request(`http://127.0.0.1:${port}/customers.json`, {
              headers: { authorization: "Bearer dw_not_a_key" },
              localAddress,
            }),
          ),
        );
        statuses.push(...wave.map((response) => response.status));
      }
      return statuses;
    };
    expect(await guesses(PORT_A, 40)).toEqual(Array(40).fill(401));
    const onB = await guesses(PORT_B, 40);
    // RATE_LIMIT_FAILED_AUTH_PER_MINUTE is 60: B has 20 of them left, not 60 of its own.
    expect(onB.filter((status) => status === 401)).toHaveLength(20);
    expect(onB.filter((status) => status === 429)).toHaveLength(20);
  });

  it("a failed sign-in on A makes the account wait on B too", async () => {
    const email = `nobody-${randomUUID().slice(0, 8)}@multi.example`;
    expect(await signInOn(PORT_A, email, ownAddress())).toBe("credentials");
    expect(await signInOn(PORT_B, email, ownAddress())).toBe("rate_limited");
  });

  it("20 concurrent creates with one external_id: exactly one 201, the rest 409, one row", async () => {
    const externalId = `multi-${randomUUID()}`;
    const responses = await servedByBoth(() =>
      Promise.all(
        Array.from({ length: 20 }, () =>
          api.post("/customers.json", newCustomerBody({ external_id: externalId })),
        ),
      ),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(19);
    const rows = await query(dbUrl, "select id from customers where external_id = $1", [externalId]);
    expect(rows).toHaveLength(1);
    expect(
      json<{ id: string }>(
        present(
          responses.find((response) => response.status === 201),
          "a 201",
        ),
      ).id,
    ).toBe(rows[0]?.id);
  });

  it("10 concurrent POSTs with one Idempotency-Key: one customer, every caller ends with the same 201", async () => {
    const externalId = `multi-idem-${randomUUID()}`;
    const idempotencyKey = randomUUID();
    const body = newCustomerBody({ external_id: externalId });
    const post = () => api.post("/customers.json", body, { headers: { "idempotency-key": idempotencyKey } });
    const first = await servedByBoth(() => Promise.all(Array.from({ length: 10 }, post)));
    // A request still running elsewhere is a 409 with Retry-After; nothing else is acceptable.
    for (const response of first) {
      expect([201, 409]).toContain(response.status);
      if (response.status === 409) {
        expect(response.body).toContain("idempotency-key-in-use");
        expect(response.headers["retry-after"]).toBeDefined();
      }
    }
    // The clients retry their 409s until they get the stored response.
    const finals = await Promise.all(
      first.map(async (response) => {
        let current = response;
        for (let attempt = 0; current.status === 409 && attempt < 20; attempt++) {
          await sleep(500);
          current = await post();
        }
        return current;
      }),
    );
    expect(finals.map((response) => response.status)).toEqual(Array(10).fill(201));
    const ids = new Set(finals.map((response) => json<{ id: string }>(response).id));
    expect(ids.size).toBe(1);
    const rows = await query(dbUrl, "select id from customers where external_id = $1", [externalId]);
    expect(rows.map((row) => row.id)).toEqual([...ids]);
    const events = await query(
      dbUrl,
      "select count(*)::int as n from domain_events where customer_id = $1 and type = 'customer.created'",
      [rows[0]?.id],
    );
    expect(events[0]?.n).toBe(1);
  });

  it("both instances use one Stripe emulator (two would each believe they are Stripe)", () => {
    expect(emulatorPortOf(present(appA, "instance A"))).toBeDefined();
    expect(emulatorPortOf(present(appB, "instance B"))).toBe(emulatorPortOf(present(appA, "instance A")));
  });

  it("one payment link opened 12 times at once: all 303 to the same checkout session", async () => {
    const created = await api.post(
      "/customers.json",
      newCustomerBody({ external_id: `multi-link-${randomUUID()}` }),
    );
    expect(created.status).toBe(201);
    const customerId = json<{ id: string }>(created).id;
    const link = await api.get(`/customers/${customerId}/payment_link.json`);
    expect(link.status).toBe(200);
    const linkUrl = json<{ url: string }>(link).url;
    expect(linkUrl.startsWith(balancer.url)).toBe(true);

    const opens = await servedByBoth(() =>
      Promise.all(Array.from({ length: 12 }, () => request(linkUrl, { timeoutMs: 30_000 }))),
    );
    const [row] = await query<{ checkout_session_id: string | null; checkout_url: string | null }>(
      dbUrl,
      "select checkout_session_id, checkout_url from payment_links where customer_id = $1",
      [customerId],
    );
    expect(row?.checkout_session_id).toBeTruthy();
    const locations = opens.map((response) => `${response.status} ${response.headers.location ?? ""}`);
    console.log(
      `link opens: ${opens.filter((response) => response.status === 303).length}/12 redirected; ` +
        `emulator ports: A=${emulatorPortOf(present(appA, "instance A"))} B=${emulatorPortOf(present(appB, "instance B"))}`,
    );
    expect(locations).toEqual(Array(12).fill(`303 ${row?.checkout_url}`));
  });

  it("30 customers created across both instances: each customer.created delivered once, retries included", async () => {
    // The receiver refuses each message's first attempt, so every event also goes through a retry
    // (by either instance's workers); it must still be acknowledged exactly once.
    const receiver = await startWebhookReceiver({ answer: failingFirst(1) });
    try {
      const endpoint = await api.post("/webhook_endpoints.json", {
        url: receiver.url,
        enabled_events: ["customer.created"],
      });
      expect(endpoint.status).toBe(201);
      const endpointId = json<{ id: string }>(endpoint).id;
      const batch = `multi-hooks-${randomUUID()}`;
      const creates = await servedByBoth(() =>
        Promise.all(
          Array.from({ length: 30 }, (_, index) =>
            api.post("/customers.json", newCustomerBody({ external_id: `${batch}-${index}` }), {
              headers: { "idempotency-key": `${batch}-${index}` },
            }),
          ),
        ),
      );
      expect(creates.map((response) => response.status)).toEqual(Array(30).fill(201));
      const customerIds = new Set(creates.map((response) => json<{ id: string }>(response).id));
      const events = await query<{ id: string; customer_id: string }>(
        dbUrl,
        "select id, customer_id from domain_events where type = 'customer.created' and customer_id = any($1)",
        [[...customerIds]],
      );
      expect(events).toHaveLength(30);
      const eventIds = new Set(events.map((event) => event.id));
      const acknowledged = () =>
        new Set(
          receiver.received
            .filter((hook) => eventIds.has(hook.json.id) && hook.answeredWith < 300)
            .map((hook) => hook.json.id),
        );
      const started = Date.now();
      while (acknowledged().size < 30 && Date.now() - started < 60_000) await sleep(250);
      console.log(`30 events acknowledged after ${Date.now() - started} ms`);
      expect(acknowledged().size).toBe(30);
      await sleep(5_000); // let any duplicate (a second worker, a late retry) show up

      const ours = receiver.received.filter((hook) => eventIds.has(hook.json.id));
      for (const eventId of eventIds) {
        const hooks = ours.filter((hook) => hook.json.id === eventId);
        expect(
          hooks.filter((hook) => hook.answeredWith < 300),
          `2xx for ${eventId}`,
        ).toHaveLength(1);
        expect(
          hooks.map((hook) => hook.answeredWith),
          `attempts for ${eventId}`,
        ).toEqual([500, 204]);
        expect(new Set(hooks.map((hook) => hook.webhookId)).size).toBe(1);
      }
      const deliveries = await query<{ event_id: string; n: number; attempts: number; status: string }>(
        dbUrl,
        `select d.event_id, count(*)::int as n, max(d.attempt_count) as attempts, max(d.status) as status,
                (select count(*)::int from webhook_delivery_attempts a where a.delivery_id = max(d.id)) as recorded
           from webhook_deliveries d where d.endpoint_id = $1 group by d.event_id`,
        [endpointId],
      );
      const ourDeliveries = deliveries.filter((delivery) => eventIds.has(delivery.event_id));
      expect(ourDeliveries).toHaveLength(30);
      for (const delivery of ourDeliveries)
        expect(delivery).toMatchObject({ n: 1, attempts: 2, status: "succeeded", recorded: 2 });
    } finally {
      await receiver.close();
    }
  });

  it("the same signed Stripe event posted 20 times to both instances: one row, processed once", async () => {
    const { stripeWebhookSecret } = secretsOf(dataDir);
    const event = {
      id: `evt_resilience_${randomUUID().replaceAll("-", "")}`,
      object: "event",
      api_version: "2026-10-28.endive",
      created: Math.floor(Date.now() / 1000),
      type: "radar.early_fraud_warning.created",
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      data: { object: { id: "issfr_resilience" } },
    };
    const payload = JSON.stringify(event);
    const post = (port: number) =>
      request(`http://127.0.0.1:${port}/webhooks/stripe`, {
        method: "POST",
        body: payload,
        headers: {
          "stripe-signature": Stripe.webhooks.generateTestHeaderString({
            payload,
            secret: stripeWebhookSecret,
          }),
        },
      });
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, index) => post(index % 2 === 0 ? PORT_A : PORT_B)),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(20).fill(200));

    const stored = async () =>
      query<{ processed_at: Date | null; attempts: number }>(
        dbUrl,
        "select processed_at, attempts from stripe_events where id = $1",
        [event.id],
      );
    const started = Date.now();
    while (!(await stored())[0]?.processed_at && Date.now() - started < 30_000) await sleep(250);
    await sleep(3_000); // a second processing, if any, would land meanwhile
    const rows = await stored();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.processed_at).not.toBeNull();
    expect(rows[0]?.attempts).toBe(1);
    const jobs = await query<{ n: number }>(
      dbUrl,
      "select count(*)::int as n from pgboss.job where name = 'stripe-event' and data->>'stripeEventId' = $1",
      [event.id],
    );
    expect(jobs[0]?.n).toBe(1);
  });
});

// kill -9 of the whole app (launcher, web server, workers and its embedded PostgreSQL) at random
// moments during a stream of creates, payment-link opens and webhook deliveries, restarting it
// each time: nothing the client was told is lost, nothing is done twice, no job stays stuck.
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newCustomerBody } from "../support/customer-body";
import { embeddedDatabaseUrl } from "../support/data-dir";
import { queryOnce as query } from "../support/database-query";
import { present } from "../support/present";
import { emulatorStripe } from "../support/stripe-emulator";
import { startWebhookReceiver } from "../support/webhook-receiver";
import {
  type AppProcess,
  createApiKey,
  freshDataDir,
  killApp,
  startApp,
  stopApp,
  waitForHealth,
} from "./support/app";
import { apiClient, type HttpResponse, json, request } from "./support/http";

const PORT = 3820;
const KILLS = 3;
const WRITERS = 4;

let dataDir: string;
let app: AppProcess | undefined;
const retired: AppProcess[] = [];
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>> | undefined;

beforeAll(async () => {
  dataDir = freshDataDir("crash");
  // A slowish receiver (as real ones are), so that deliveries are in flight when the app dies.
  receiver = await startWebhookReceiver({ delayMs: 400 });
  app = startApp({ name: "app#0", port: PORT, dataDir });
  console.log(`first start healthy after ${await waitForHealth(app)} ms`);
});

afterAll(async () => {
  await stopApp(app);
  for (const old of retired) await stopApp(old);
  await receiver?.close();
});

const randomBetween = (min: number, max: number) => min + Math.random() * (max - min);

/** Retries a request through crashes: network errors, 5xx and "still in use" 409s. */
async function untilAnswered(
  send: () => Promise<HttpResponse>,
  done: (response: HttpResponse) => boolean,
  deadline: number,
): Promise<HttpResponse | undefined> {
  while (Date.now() < deadline) {
    const response = await send().catch(() => undefined);
    if (response && done(response)) return response;
    await sleep(response?.status === 409 ? 1_000 : 300);
  }
  return undefined;
}

describe("kill -9 during traffic, then restart", () => {
  it("loses nothing, does nothing twice and leaves no job stuck", async () => {
    const url = `http://127.0.0.1:${PORT}`;
    const key = await createApiKey(dataDir);
    const api = apiClient(url, key);
    const endpoint = await api.post("/webhook_endpoints.json", {
      url: present(receiver, "the receiver").url,
      enabled_events: ["*"],
    });
    expect(endpoint.status, endpoint.body).toBe(201);

    // The client's view: creates it was told succeeded, links it opened and where they sent it.
    const believed = new Map<string, string>(); // external_id → customer id
    const lostCreates: string[] = [];
    const openedLinks: { customerId: string; url: string; location: string }[] = [];
    const problems: string[] = [];
    let streaming = true;
    const runId = randomUUID().slice(0, 8);

    const writer = async (writerIndex: number) => {
      for (let n = 0; streaming; n++) {
        const externalId = `crash-${runId}-${writerIndex}-${n}`;
        // Retried with the same key until answered: 201, or the replay of the stored answer. A
        // create that committed but whose key was never completed (killed in between) is retried
        // once the key's 60 s lock goes stale and then meets its own row: 409 conflict.
        // One body per create: a retry must send the same request, or its key is "reused".
        const body = newCustomerBody({ external_id: externalId });
        const response = await untilAnswered(
          () =>
            api.post("/customers.json", body, {
              headers: { "idempotency-key": externalId },
              timeoutMs: 15_000,
            }),
          (answer) =>
            answer.status === 201 ||
            (answer.status === 409 && !answer.body.includes("idempotency-key-in-use")),
          Date.now() + 150_000,
        );
        if (!response) {
          lostCreates.push(externalId);
          continue;
        }
        if (response.status === 201) believed.set(externalId, json<{ id: string }>(response).id);
        else {
          // The conflict names the row: it must be the one this very request created earlier.
          const existing = json<{ existing_id?: string | null }>(response).existing_id;
          if (existing) believed.set(externalId, existing);
          else problems.push(`409 for ${externalId} without the existing customer: ${response.body}`);
        }
        // Every third customer gets a payment link, opened at once.
        if (n % 3 === 0 && streaming) {
          const customerId = believed.get(externalId);
          if (!customerId) continue;
          const link = await untilAnswered(
            () => api.get(`/customers/${customerId}/payment_link.json`, { timeoutMs: 15_000 }),
            (answer) => answer.status === 200,
            Date.now() + 60_000,
          );
          if (!link) continue;
          const linkUrl = json<{ url: string }>(link).url;
          const opened = await untilAnswered(
            () => request(linkUrl, { timeoutMs: 30_000 }),
            (answer) => answer.status === 303,
            Date.now() + 90_000,
          );
          if (opened?.headers.location)
            openedLinks.push({ customerId, url: linkUrl, location: opened.headers.location });
        }
      }
    };

    const writers = Array.from({ length: WRITERS }, (_, index) => writer(index));
    const restarts: number[] = [];
    let lastKillAt = Date.now();
    for (let kill = 1; kill <= KILLS; kill++) {
      await sleep(randomBetween(3_000, 9_000));
      console.log(`kill -9 #${kill} after ${believed.size} acknowledged creates`);
      lastKillAt = Date.now();
      const killed = present(app, "the running app");
      await killApp(killed);
      retired.push(killed);
      app = startApp({ name: `app#${kill}`, port: PORT, dataDir });
      const restart = await waitForHealth(app);
      restarts.push(restart);
      console.log(`restart #${kill} healthy after ${restart} ms`);
    }
    await sleep(5_000);
    streaming = false;
    const lastRestartAt = Date.now();
    await Promise.all(writers);
    console.log(
      `client: ${believed.size} creates acknowledged, ${openedLinks.length} links opened, ` +
        `${lostCreates.length} creates never answered; stream drained ${Date.now() - lastRestartAt} ms after the stream stopped`,
    );
    expect(problems).toEqual([]);
    expect(lostCreates).toEqual([]);
    expect(believed.size).toBeGreaterThan(10);

    const dbUrl = embeddedDatabaseUrl(dataDir);
    // Every acknowledged create exists exactly once, with the id the client was given.
    const externalIds = [...believed.keys()];
    const rows = await query<{ id: string; external_id: string }>(
      dbUrl,
      "select id, external_id from customers where external_id like $1",
      [`crash-${runId}-%`],
    );
    const byExternalId = new Map(rows.map((row) => [row.external_id, row.id]));
    for (const externalId of externalIds)
      expect(byExternalId.get(externalId), externalId).toBe(believed.get(externalId));
    const duplicates = await query(
      dbUrl,
      `select 'customers' as t, external_id as k from customers group by external_id having count(*) > 1
       union all select 'customer.created', customer_id from domain_events where type = 'customer.created' group by customer_id having count(*) > 1
       union all select 'audit create', entity_id from audit_records where entity_type = 'customer' and action = 'customer.created' group by entity_id having count(*) > 1
       union all select 'deliveries', event_id from webhook_deliveries group by endpoint_id, event_id having count(*) > 1
       union all select 'stripe customers', stripe_customer_id from customers where stripe_customer_id is not null group by stripe_customer_id having count(*) > 1`,
    );
    expect(duplicates).toEqual([]);
    const noAudit = await query<{ n: number }>(
      dbUrl,
      "select count(*)::int as n from customers c where not exists (select 1 from audit_records a where a.entity_id = c.id)",
    );
    expect(noAudit[0]?.n).toBe(0);

    // At Stripe (the emulator): at most one Stripe customer per DonutWork customer.
    const stripe = emulatorStripe(dataDir);
    const stripeCustomersPerOurs = new Map<string, number>();
    for await (const customer of stripe.customers.list({ limit: 100 })) {
      const ours = customer.metadata?.donutwork_customer_id;
      if (ours) stripeCustomersPerOurs.set(ours, (stripeCustomersPerOurs.get(ours) ?? 0) + 1);
    }
    expect([...stripeCustomersPerOurs].filter(([, count]) => count > 1)).toEqual([]);

    // Every opened link still leads to the one checkout session it led to before (and after) the crashes.
    const reopened = await Promise.all(openedLinks.map((link) => request(link.url, { timeoutMs: 30_000 })));
    expect(reopened.map((response) => `${response.status} ${response.headers.location}`)).toEqual(
      openedLinks.map((link) => `303 ${link.location}`),
    );

    // Every domain event of these customers reaches the receiver (at least once) after recovery.
    const customerIds = [...believed.values()];
    const events = await query<{ id: string }>(
      dbUrl,
      "select id from domain_events where customer_id = any($1)",
      [customerIds],
    );
    expect(events.length).toBeGreaterThanOrEqual(customerIds.length);
    const eventIds = new Set(events.map((event) => event.id));
    const acknowledged = () =>
      new Set(
        present(receiver, "the receiver")
          .received.filter((hook) => eventIds.has(hook.json.id) && hook.answeredWith < 300)
          .map((hook) => hook.json.id),
      );
    while (acknowledged().size < eventIds.size && Date.now() - lastRestartAt < 120_000) await sleep(500);
    const deliveredAfter = Date.now() - lastRestartAt;
    const copies = present(receiver, "the receiver").received.filter(
      (hook) => eventIds.has(hook.json.id) && hook.answeredWith < 300,
    ).length;
    console.log(
      `webhooks: ${acknowledged().size}/${eventIds.size} events delivered ${deliveredAfter} ms after the stream stopped; ` +
        `${copies - acknowledged().size} extra requests (at-least-once: resent after a crash mid-send)`,
    );
    expect([...eventIds].filter((id) => !acknowledged().has(id))).toEqual([]);

    // No job is stuck: one whose worker was killed stays active until it expires (its queue's
    // expireInSeconds: 60 for deliveries, 120 for Stripe events) and pg-boss's maintenance (every
    // 15 s) retries it. Stuck = still active 30 s past its expiry. Waits up to 100 s after the last
    // kill for the queues to drain, and prints what is left.
    type JobState = { name: string; state: string; n: number; stuck: number; oldest_s: number | null };
    let states: JobState[] = [];
    for (;;) {
      states = await query<JobState>(
        dbUrl,
        `select name, state::text, count(*)::int as n,
                count(*) filter (where state = 'active' and started_on + expire_in + interval '30 seconds' < now())::int as stuck,
                max(extract(epoch from now() - started_on))::int as oldest_s
           from pgboss.job group by name, state order by name, state`,
      );
      if (!states.some((row) => ["active", "retry", "created"].includes(row.state))) break;
      if (Date.now() - lastKillAt > 100_000) break;
      await sleep(1_000);
    }
    console.log(`pg-boss jobs ${Date.now() - lastKillAt} ms after the last kill: ${JSON.stringify(states)}`);
    expect(states.filter((row) => row.stuck > 0)).toEqual([]);
    expect(states.filter((row) => row.state === "failed")).toEqual([]);
    // And the app knows it: every delivery recorded as succeeded (a job whose worker died is
    // retried only once it expires: expireInSeconds 60 plus pg-boss's maintenance interval).
    let pending: { status: string; n: number }[] = [];
    for (;;) {
      pending = await query<{ status: string; n: number }>(
        dbUrl,
        "select status, count(*)::int as n from webhook_deliveries where customer_id = any($1) and status <> 'succeeded' group by status",
        [customerIds],
      );
      if (pending.length === 0 || Date.now() - lastKillAt > 120_000) break;
      await sleep(1_000);
    }
    console.log(
      `all deliveries recorded as succeeded ${Date.now() - lastRestartAt} ms after the stream stopped, ${Date.now() - lastKillAt} ms after the last kill`,
    );
    expect(pending).toEqual([]);
    console.log(`restart times (ms): ${restarts.join(", ")}`);
  });
});

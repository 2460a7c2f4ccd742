import type pg from "pg";
import type PgBoss from "pg-boss";
import { newId } from "../ids";
import { endpointWants } from "../webhooks/event-types";
import { QUEUES, type SyncStripeCustomerJob } from "./queues";

const BATCH = 100;

/**
 * The transactional outbox relay. Domain events and received Stripe events are rows written in
 * the same transaction as the change they belong to; this turns them into work, in one
 * transaction per batch with the row locks (SKIP LOCKED), so several app instances can relay
 * side by side, and a crash before COMMIT leaves the rows to be relayed again: a domain event
 * into one due webhook delivery per endpoint that wants it (claimed by the delivery workers,
 * delivery-worker.ts), a Stripe event into a pg-boss job, a request to sync a customer's
 * identity to Stripe into a sync-stripe-customer job (the request row is then deleted).
 */
export async function relayOnce(pool: pg.Pool, boss: PgBoss): Promise<number> {
  const client = await pool.connect();
  // A checked-out client is not covered by the pool's error listener; a dropped connection
  // must fail this batch (rolled back, relayed again), not the process.
  const onError = () => {};
  client.on("error", onError);
  const db: PgBoss.Db = { executeSql: (text, values) => client.query(text, values) };
  try {
    await client.query("begin");
    const relayed =
      (await relayDomainEvents(client)) +
      (await relayStripeEvents(client, boss, db)) +
      (await relayStripeCustomerSyncs(client, boss, db));
    await client.query("commit");
    return relayed;
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw error;
  } finally {
    client.off("error", onError);
    client.release();
  }
}

async function relayDomainEvents(client: pg.PoolClient): Promise<number> {
  const events = await client.query<{ id: string; type: string; customer_id: string | null }>(
    `select id, type, customer_id from domain_events where dispatched_at is null order by created_at limit ${BATCH} for update skip locked`,
  );
  if (events.rowCount === 0) return 0;
  const endpoints = await client.query<{ id: string; enabled_events: string[] }>(
    "select id, enabled_events from webhook_endpoints where deleted_at is null",
  );
  for (const event of events.rows) {
    for (const endpoint of endpoints.rows.filter((candidate) =>
      endpointWants(candidate.enabled_events, event.type),
    )) {
      await client.query(
        `insert into webhook_deliveries (id, endpoint_id, event_id, customer_id, next_attempt_at) values ($1, $2, $3, $4, now())
         on conflict (endpoint_id, event_id) do nothing`,
        [newId("webhookDelivery"), endpoint.id, event.id, event.customer_id],
      );
    }
  }
  await client.query("update domain_events set dispatched_at = now() where id = any($1)", [
    events.rows.map((event) => event.id),
  ]);
  return events.rowCount ?? 0;
}

async function relayStripeEvents(client: pg.PoolClient, boss: PgBoss, db: PgBoss.Db): Promise<number> {
  const events = await client.query<{ id: string }>(
    `select id from stripe_events where dispatched_at is null order by received_at limit ${BATCH} for update skip locked`,
  );
  for (const event of events.rows) await boss.send(QUEUES.stripeEvent, { stripeEventId: event.id }, { db });
  if (events.rowCount)
    await client.query("update stripe_events set dispatched_at = now() where id = any($1)", [
      events.rows.map((event) => event.id),
    ]);
  return events.rowCount ?? 0;
}

async function relayStripeCustomerSyncs(client: pg.PoolClient, boss: PgBoss, db: PgBoss.Db): Promise<number> {
  const requests = await client.query<{ id: string; customer_id: string }>(
    `select id, customer_id from stripe_customer_sync_requests order by id limit ${BATCH} for update skip locked`,
  );
  if (requests.rowCount === 0) return 0;
  // Each job pushes the customer's current identity, so one job per customer covers the batch.
  const customerIds = new Set(requests.rows.map((request) => request.customer_id));
  for (const customerId of customerIds) {
    await boss.send(QUEUES.syncStripeCustomer, { customerId } satisfies SyncStripeCustomerJob, { db });
  }
  await client.query("delete from stripe_customer_sync_requests where id = any($1)", [
    requests.rows.map((request) => request.id),
  ]);
  return requests.rowCount ?? 0;
}

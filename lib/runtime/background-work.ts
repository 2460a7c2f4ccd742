import pg from "pg";
import PgBoss from "pg-boss";
import { db } from "../db";
import { env } from "../env";
import { relayOnce } from "../jobs/outbox-relay";
import { purgeExpiredRows } from "../jobs/purge-expired-rows";
import {
  PURGE_SCHEDULE,
  QUEUES,
  queuePolicies,
  RETIRED_QUEUES,
  REVIEW_FINANCIALS_SCHEDULE,
  type StripeEventJob,
  type SyncStripeCustomerJob,
} from "../jobs/queues";
import { reviewCustomerFinancials } from "../server/financials/review-customer-financials";
import { processStripeEvent } from "../server/stripe-sync/process-stripe-event";
import { syncStripeCustomer } from "../server/stripe-sync/sync-stripe-customer";
import { startDeliveryWorker } from "../webhooks/deliveries/delivery-worker";
import { createWebhookSender } from "../webhooks/sending/send-webhook";
import { requireCreateRights } from "./database-rights";

const RELAY_INTERVAL_MS = 200;
const JOB_SCHEMA = "pgboss";
const STRIPE_EVENT_WORKERS = 4;
// Each push holds a database connection for its Stripe call (its lock), so only two at a time.
const STRIPE_CUSTOMER_SYNC_WORKERS = 2;
// Delivery slots beyond what every endpoint together may hold, so a healthy endpoint always finds one.
const SPARE_DELIVERY_SLOTS = 4;

/**
 * Work that runs beside the web server, in the launcher process: the outbox relay, the pg-boss
 * workers that process Stripe events, the webhook delivery worker, the scheduled purge of
 * expired rows and the review of the kept customer figures. pg-boss and the delivery claims live in PostgreSQL and skip what another
 * instance holds, so any number of app instances can run this at once; work whose worker died
 * is retried once its job expires or its claim lapses. Returns the stop function.
 */
export async function startBackgroundWork(log: (line: string) => void): Promise<() => Promise<void>> {
  const connectionString = process.env.DATABASE_URL ?? "";
  await requireJobSchemaRights(connectionString);
  const boss = new PgBoss({ connectionString, schema: JOB_SCHEMA, max: 4, maintenanceIntervalSeconds: 15 });
  boss.on("error", (error) => log(`job queue: ${error.message}`));
  await boss.start();
  for (const queue of queuePolicies()) {
    // Another instance may create it at the same moment: then update what it made.
    await boss.createQueue(queue.name, queue).catch(() => {});
    await boss.updateQueue(queue.name, queue);
  }
  for (const retired of RETIRED_QUEUES) await boss.deleteQueue(retired).catch(() => {});

  // pg-boss 10 runs one job at a time per worker; a few workers let one slow Stripe call not
  // hold up the rest.
  for (let worker = 0; worker < STRIPE_EVENT_WORKERS; worker++) {
    await boss.work<StripeEventJob>(
      QUEUES.stripeEvent,
      { pollingIntervalSeconds: 0.5, batchSize: 1 },
      async ([job]) => {
        if (job) await processStripeEvent(job.data.stripeEventId);
      },
    );
  }
  for (let worker = 0; worker < STRIPE_CUSTOMER_SYNC_WORKERS; worker++) {
    await boss.work<SyncStripeCustomerJob>(
      QUEUES.syncStripeCustomer,
      { pollingIntervalSeconds: 0.5, batchSize: 1 },
      async ([job]) => {
        if (job) await syncStripeCustomer(job.data.customerId);
      },
    );
  }
  // pg-boss sends one job per slot of the schedule, whatever the number of instances.
  await boss.schedule(QUEUES.purgeExpiredRows, PURGE_SCHEDULE);
  await boss.work(QUEUES.purgeExpiredRows, { pollingIntervalSeconds: 30 }, async () => {
    const purged = await purgeExpiredRows();
    if (Object.values(purged).some((count) => count > 0))
      log(`purged expired rows: ${JSON.stringify(purged)}`);
  });

  // The kept figures: reviewed on a schedule, and once now for the back-fill of customers that
  // existed before they were kept (a singleton key, so instances starting together queue one).
  await boss.schedule(QUEUES.reviewCustomerFinancials, REVIEW_FINANCIALS_SCHEDULE);
  await boss.work(QUEUES.reviewCustomerFinancials, { pollingIntervalSeconds: 30 }, async () => {
    const { refreshed, failed } = await reviewCustomerFinancials({ log });
    if (refreshed > 0 || failed > 0)
      log(`customer financials reviewed: ${refreshed} refreshed, ${failed} failed`);
  });
  await boss.send(QUEUES.reviewCustomerFinancials, {}, { singletonKey: "start-up", singletonSeconds: 60 });

  const { WEBHOOK_MAX_ENDPOINTS, WEBHOOK_ENDPOINT_CONCURRENCY } = env();
  // Endpoints registered before the cap existed may exceed it; the slots must cover them too.
  const endpoints = Math.max(
    WEBHOOK_MAX_ENDPOINTS,
    await db().webhookEndpoint.count({ where: { deletedAt: null } }),
  );
  const deliveries = startDeliveryWorker({
    concurrency: endpoints * WEBHOOK_ENDPOINT_CONCURRENCY + SPARE_DELIVERY_SLOTS,
    perEndpoint: WEBHOOK_ENDPOINT_CONCURRENCY,
    send: createWebhookSender(),
    log,
  });

  const pool = new pg.Pool({
    connectionString,
    max: 2,
    connectionTimeoutMillis: 5_000,
    query_timeout: 15_000,
  });
  // An idle connection dropped by the server (a restart, a shutdown) must not crash the process.
  pool.on("error", (error) => log(`outbox relay connection: ${error.message}`));
  let running = true;
  const relay = (async () => {
    while (running) {
      try {
        const moved = await relayOnce(pool, boss);
        if (moved > 0) {
          deliveries.wake();
          continue;
        }
      } catch (error) {
        log(`outbox relay: ${(error as Error).message}`);
      }
      await new Promise((resolve) => setTimeout(resolve, RELAY_INTERVAL_MS));
    }
  })();

  return async () => {
    running = false;
    await relay;
    await deliveries.stop();
    await boss.stop({ graceful: true, timeout: 10_000, wait: true });
    await pool.end();
  };
}

/** pg-boss creates its schema on first start: say so plainly when the role may not. */
async function requireJobSchemaRights(connectionString: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await requireCreateRights(client, connectionString, { schemas: [JOB_SCHEMA] });
  } finally {
    await client.end();
  }
}

import pg from "pg";
import PgBoss from "pg-boss";
import { deliverWebhook } from "../jobs/deliver-webhook";
import { relayOnce } from "../jobs/outbox-relay";
import { QUEUES, queuePolicies, type StripeEventJob, type WebhookDeliveryJob } from "../jobs/queues";
import { processStripeEvent } from "../server/stripe-sync/process-stripe-event";
import { requireCreateRights } from "./database-rights";

const RELAY_INTERVAL_MS = 200;
const JOB_SCHEMA = "pgboss";
const WORKERS_PER_QUEUE = 4;

/**
 * Work that runs beside the web server, in the launcher process: the outbox relay and the
 * pg-boss workers that process Stripe events and deliver outgoing webhooks. pg-boss keeps its
 * jobs in PostgreSQL and fetches with SKIP LOCKED, so any number of app instances can run this
 * at once; a job whose worker died is retried once it expires. Returns the stop function.
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

  // pg-boss 10 runs one job at a time per worker; a few workers per queue let one slow Stripe
  // call or one slow webhook receiver not hold up the rest.
  for (let worker = 0; worker < WORKERS_PER_QUEUE; worker++) {
    await boss.work<StripeEventJob>(
      QUEUES.stripeEvent,
      { pollingIntervalSeconds: 0.5, batchSize: 1 },
      async ([job]) => {
        if (job) await processStripeEvent(job.data.stripeEventId);
      },
    );
    await boss.work<WebhookDeliveryJob>(
      QUEUES.webhookDelivery,
      { pollingIntervalSeconds: 0.5, batchSize: 1, includeMetadata: true },
      async ([job]) => {
        if (job) await deliverWebhook(job.data.deliveryId, { final: job.retryCount >= job.retryLimit });
      },
    );
  }

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
        if (moved > 0) continue;
      } catch (error) {
        log(`outbox relay: ${(error as Error).message}`);
      }
      await new Promise((resolve) => setTimeout(resolve, RELAY_INTERVAL_MS));
    }
  })();

  return async () => {
    running = false;
    await relay;
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

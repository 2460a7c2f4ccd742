import { db } from "../../db";
import { stripe } from "../../stripe/client";
import { identityColumns, stripeCustomerIdentity } from "./stripe-customer-identity";
import { syncErrorOf } from "./sync-error";

/** The longest a push may hold its customer's sync lock: the SDK's 3 attempts of 20 s, and some. */
const PUSH_TIMEOUT_MS = 90_000;

/** Another push of the same customer holds the lock; the job is retried, and then finds it done. */
export class StripeCustomerSyncBusy extends Error {
  constructor(customerId: string) {
    super(`another sync of customer ${customerId} is running`);
    this.name = "StripeCustomerSyncBusy";
  }
}

/**
 * The sync-stripe-customer job: gives the Stripe customer the customer's CURRENT email, company
 * name and address, whichever change queued the job. Pushes of one customer run one at a time
 * (a transaction-scoped advisory lock held across the read, the Stripe call and the record), so
 * a push can never overwrite a newer one at Stripe: the last change wins whatever order jobs
 * and their retries run in, and a job that finds Stripe already has the current version does
 * nothing (duplicates). The idempotency key is the identity version and the failures since the
 * last success, so a retried job does not get Stripe's saved 500 back. A failure is recorded on
 * the customer (its `stripe_sync`) and thrown, for pg-boss to retry with back-off.
 */
export async function syncStripeCustomer(customerId: string): Promise<void> {
  const failure = await db().$transaction(
    async (tx) => {
      const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`
        select pg_try_advisory_xact_lock(hashtext(${`stripe_customer_sync:${customerId}`})) as locked`;
      if (!lock?.locked) return new StripeCustomerSyncBusy(customerId);
      const row = await tx.customer.findUnique({
        where: { id: customerId },
        select: {
          stripeCustomerId: true,
          identityVersion: true,
          stripeSyncedVersion: true,
          stripeSyncFailures: true,
          ...identityColumns,
        },
      });
      if (!row?.stripeCustomerId || (row.stripeSyncedVersion ?? 0) >= row.identityVersion) return null;
      const version = row.identityVersion;
      try {
        await stripe().customers.update(row.stripeCustomerId, stripeCustomerIdentity(row), {
          idempotencyKey: `donutwork-customer-${customerId}-identity-v${version}-f${row.stripeSyncFailures}`,
        });
      } catch (error) {
        const message = syncErrorOf(error);
        // Raw SQL: bookkeeping of the sync is not a change of the customer (updated_at stays).
        await tx.$executeRaw`update customers set stripe_sync_error = ${message},
          stripe_sync_failures = stripe_sync_failures + 1 where id = ${customerId}`;
        return error as Error;
      }
      await tx.$executeRaw`update customers set stripe_synced_version = ${version}, stripe_synced_at = now(),
        stripe_sync_error = null, stripe_sync_failures = 0
        where id = ${customerId} and coalesce(stripe_synced_version, 0) < ${version}`;
      return null;
    },
    { timeout: PUSH_TIMEOUT_MS, maxWait: 5_000 },
  );
  if (failure) throw failure;
}

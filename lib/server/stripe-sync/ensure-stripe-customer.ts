import { db } from "../../db";
import { stripe } from "../../stripe/client";
import { requestStripeCustomerSync } from "./request-stripe-customer-sync";
import { identityColumns, stripeCustomerIdentity } from "./stripe-customer-identity";

/**
 * The customer's Stripe customer id, creating the Stripe customer on first need with the
 * customer's whole identity (name, email, address). The Stripe idempotency key makes concurrent
 * first needs create one Stripe customer, and the conditional update keeps the first id stored.
 * A change of identity that committed while the Stripe customer was being created found no
 * Stripe customer to sync: the identity version read here shows it, and a sync is requested.
 */
export async function ensureStripeCustomer(customerId: string): Promise<string> {
  const customer = await db().customer.findUniqueOrThrow({
    where: { id: customerId },
    select: { id: true, stripeCustomerId: true, identityVersion: true, ...identityColumns },
  });
  if (customer.stripeCustomerId) return customer.stripeCustomerId;
  const created = await stripe().customers.create(
    { ...stripeCustomerIdentity(customer), metadata: { donutwork_customer_id: customer.id } },
    { idempotencyKey: `donutwork-customer-${customer.id}` },
  );
  await db().customer.updateMany({
    where: { id: customer.id, stripeCustomerId: null },
    data: {
      stripeCustomerId: created.id,
      stripeSyncedVersion: customer.identityVersion,
      stripeSyncedAt: new Date(),
    },
  });
  const stored = await db().customer.findUniqueOrThrow({
    where: { id: customer.id },
    select: { stripeCustomerId: true, identityVersion: true, stripeSyncedVersion: true },
  });
  if ((stored.stripeSyncedVersion ?? 0) < stored.identityVersion)
    await requestStripeCustomerSync(db(), customer.id);
  return stored.stripeCustomerId ?? created.id;
}

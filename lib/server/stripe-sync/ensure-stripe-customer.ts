import { db } from "../../db";
import { stripe } from "../../stripe/client";

/**
 * The customer's Stripe customer id, creating the Stripe customer on first need. The Stripe
 * idempotency key makes concurrent first needs create one Stripe customer, and the conditional
 * update keeps the first id stored.
 */
export async function ensureStripeCustomer(customerId: string): Promise<string> {
  const customer = await db().customer.findUniqueOrThrow({
    where: { id: customerId },
    select: { id: true, stripeCustomerId: true, email: true, companyName: true },
  });
  if (customer.stripeCustomerId) return customer.stripeCustomerId;
  const created = await stripe().customers.create(
    {
      email: customer.email,
      name: customer.companyName ?? undefined,
      metadata: { donutwork_customer_id: customer.id },
    },
    { idempotencyKey: `donutwork-customer-${customer.id}` },
  );
  await db().customer.updateMany({
    where: { id: customer.id, stripeCustomerId: null },
    data: { stripeCustomerId: created.id },
  });
  const stored = await db().customer.findUniqueOrThrow({
    where: { id: customer.id },
    select: { stripeCustomerId: true },
  });
  return stored.stripeCustomerId ?? created.id;
}

import { db, type Tx } from "../../db";
import type { Subscription } from "../../generated/prisma/client";
import { newId } from "../../ids";
import { subscriptionChanges } from "../../metrics";
import { serializeSubscription } from "../../serializers/subscription";
import { stripe } from "../../stripe/client";
import type { Actor } from "../audit/actor";
import { recordChange } from "../audit/record-change";
import { underCustomerLock } from "../customers/lock-customer";
import { refreshCustomerFinancials } from "../financials/refresh-customer-financials";
import { recordMrrSnapshots } from "../metrics/record-mrr-snapshots";
import { mapStripeSubscription, type SubscriptionFields } from "./map-stripe-subscription";

type SyncInput = { stripeSubscriptionId: string; actor: Actor };

/**
 * Converges our copy of one Stripe subscription on Stripe's truth, re-fetched under the
 * customer's row lock so that concurrent syncs (the API call and its webhooks, in any order)
 * apply one after the other and the last one always reads the newest state.
 */
export async function syncSubscription({
  stripeSubscriptionId,
  actor,
  customerId,
}: SyncInput & {
  /** Known when we created the subscription ourselves; otherwise found from Stripe's customer. */
  customerId?: string;
}): Promise<Subscription | null> {
  const owner = customerId ?? (await findOwner(stripeSubscriptionId));
  if (!owner) return null; // not one of ours
  return underCustomerLock(owner, (tx) => convergeSubscription(tx, owner, { stripeSubscriptionId, actor }));
}

/**
 * The sync itself, in a transaction that already holds the owner's lock. Writes the audit
 * record, the domain event, the MRR history (with what changed: its causes) and the kept
 * figures (lib/server/financials) only when something changed.
 */
export async function convergeSubscription(
  tx: Tx,
  owner: string,
  { stripeSubscriptionId, actor }: SyncInput,
): Promise<Subscription> {
  const truth = await stripe().subscriptions.retrieve(stripeSubscriptionId);
  const fields = mapStripeSubscription(truth);
  const existing = await tx.subscription.findUnique({ where: { stripeSubscriptionId } });
  if (existing && !differs(existing, fields)) return existing;
  const row = existing
    ? await tx.subscription.update({ where: { id: existing.id }, data: fields })
    : await tx.subscription.create({
        data: {
          ...fields,
          id: truth.metadata?.donutwork_subscription_id ?? newId("subscription"),
          customerId: owner,
          stripeSubscriptionId,
          description: truth.description,
        },
      });
  const action = !existing
    ? "subscription.created"
    : row.status === "canceled" && existing.status !== "canceled"
      ? "subscription.canceled"
      : "subscription.updated";
  await recordChange(tx, {
    actor,
    action,
    entityType: "subscription",
    entityId: row.id,
    customerId: owner,
    before: existing ? serializeSubscription(existing) : null,
    after: serializeSubscription(row),
  });
  const at = new Date();
  const changes = subscriptionChanges(existing, row);
  await recordMrrSnapshots(tx, { customerId: owner, at, causes: { currency: row.currency, changes } });
  await refreshCustomerFinancials(tx, owner, at);
  return row;
}

async function findOwner(stripeSubscriptionId: string): Promise<string | null> {
  const known = await db().subscription.findUnique({
    where: { stripeSubscriptionId },
    select: { customerId: true },
  });
  if (known) return known.customerId;
  const truth = await stripe().subscriptions.retrieve(stripeSubscriptionId);
  const stripeCustomerId = typeof truth.customer === "string" ? truth.customer : truth.customer.id;
  const customer = await db().customer.findUnique({ where: { stripeCustomerId }, select: { id: true } });
  return customer?.id ?? null;
}

function differs(row: Subscription, fields: SubscriptionFields): boolean {
  return (Object.keys(fields) as (keyof SubscriptionFields)[]).some((key) => {
    const a = row[key];
    const b = fields[key];
    return a instanceof Date || b instanceof Date
      ? (a as Date | null)?.getTime() !== (b as Date | null)?.getTime()
      : a !== b;
  });
}

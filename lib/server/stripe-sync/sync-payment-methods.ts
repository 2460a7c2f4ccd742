import type Stripe from "stripe";
import { db } from "../../db";
import { newId } from "../../ids";
import { customerSelect, serializeCustomer } from "../../serializers/customer";
import { serializePaymentMethod } from "../../serializers/payment-method";
import { stripe } from "../../stripe/client";
import type { Actor } from "../audit/actor";
import { recordChange } from "../audit/record-change";
import { lockCustomer } from "../customers/lock-customer";
import { refreshCustomerFinancials } from "../financials/refresh-customer-financials";

/** Payment-method events: find whose card it is (ours or, once detached, as we knew it) and resync. */
export async function syncPaymentMethodOwner(stripePaymentMethodId: string): Promise<void> {
  const method = await stripe().paymentMethods.retrieve(stripePaymentMethodId);
  const owner = typeof method.customer === "string" ? method.customer : method.customer?.id;
  if (owner) return syncCustomerPaymentMethods(owner);
  const known = await db().paymentMethod.findUnique({
    where: { stripePaymentMethodId },
    select: { customer: { select: { stripeCustomerId: true } } },
  });
  if (known?.customer.stripeCustomerId) await syncCustomerPaymentMethods(known.customer.stripeCustomerId);
}

/**
 * Makes our copy of a customer's cards equal Stripe's: every attached card present, detached
 * ones marked, and the default the same as Stripe's invoice default (which we set to the newest
 * card when Stripe has none, so charges and subscriptions have a card to use). Runs under the
 * customer's row lock, so concurrent syncs of one customer apply one after the other.
 */
export async function syncCustomerPaymentMethods(stripeCustomerId: string): Promise<void> {
  const customer = await db().customer.findUnique({ where: { stripeCustomerId }, select: { id: true } });
  if (!customer) return; // not one of ours
  const cards = (await stripe().paymentMethods.list({ customer: stripeCustomerId, type: "card", limit: 100 }))
    .data;
  const stripeDefault = await ensureStripeDefault(stripeCustomerId, cards);
  const actor: Actor = { type: "stripe", id: stripeCustomerId };

  await db().$transaction(async (tx) => {
    const before = serializeCustomer(await lockCustomer(tx, customer.id));
    const known = await tx.paymentMethod.findMany({ where: { customerId: customer.id } });
    for (const card of cards) {
      const details = cardDetails(card);
      const existing = known.find((row) => row.stripePaymentMethodId === card.id);
      if (!existing) {
        const row = await tx.paymentMethod.create({
          data: {
            id: newId("paymentMethod"),
            customerId: customer.id,
            stripePaymentMethodId: card.id,
            ...details,
          },
        });
        await recordChange(tx, {
          actor,
          action: "customer.payment_method.attached",
          entityType: "payment_method",
          entityId: row.id,
          customerId: customer.id,
          before: null,
          after: { customer_id: customer.id, payment_method: serializePaymentMethod(row) },
        });
      } else if (existing.detachedAt || differs(existing, details)) {
        await tx.paymentMethod.update({ where: { id: existing.id }, data: { ...details, detachedAt: null } });
      }
    }
    for (const gone of known.filter(
      (row) => !row.detachedAt && !cards.some((card) => card.id === row.stripePaymentMethodId),
    )) {
      const row = await tx.paymentMethod.update({ where: { id: gone.id }, data: { detachedAt: new Date() } });
      await recordChange(tx, {
        actor,
        action: "customer.payment_method.detached",
        entityType: "payment_method",
        entityId: row.id,
        customerId: customer.id,
        before: serializePaymentMethod(gone),
        after: { customer_id: customer.id, payment_method: serializePaymentMethod(row) },
      });
    }
    const defaultRow = stripeDefault
      ? await tx.paymentMethod.findUnique({
          where: { stripePaymentMethodId: stripeDefault },
          select: { id: true },
        })
      : null;
    if ((defaultRow?.id ?? null) !== (before.default_payment_method?.id ?? null)) {
      const row = await tx.customer.update({
        where: { id: customer.id },
        data: { defaultPaymentMethodId: defaultRow?.id ?? null },
        select: customerSelect,
      });
      await recordChange(tx, {
        actor,
        action: "customer.updated",
        entityType: "customer",
        entityId: customer.id,
        customerId: customer.id,
        before,
        after: serializeCustomer(row),
      });
    }
    // The default card (or having none, or its expiry) moves the customer's risk.
    await refreshCustomerFinancials(tx, customer.id);
  });
}

async function ensureStripeDefault(
  stripeCustomerId: string,
  cards: Stripe.PaymentMethod[],
): Promise<string | null> {
  const stripeCustomer = await stripe().customers.retrieve(stripeCustomerId);
  if (stripeCustomer.deleted) return null;
  const current = stripeCustomer.invoice_settings?.default_payment_method;
  const currentId = typeof current === "string" ? current : (current?.id ?? null);
  if (currentId && cards.some((card) => card.id === currentId)) return currentId;
  const newest = [...cards].sort((a, b) => b.created - a.created)[0];
  if (!newest) return null;
  await stripe().customers.update(stripeCustomerId, {
    invoice_settings: { default_payment_method: newest.id },
  });
  return newest.id;
}

function cardDetails(card: Stripe.PaymentMethod) {
  return {
    brand: card.card?.brand ?? "unknown",
    last4: card.card?.last4 ?? "????",
    expMonth: card.card?.exp_month ?? 0,
    expYear: card.card?.exp_year ?? 0,
  };
}

function differs(row: ReturnType<typeof cardDetails>, details: ReturnType<typeof cardDetails>): boolean {
  return (
    row.brand !== details.brand ||
    row.last4 !== details.last4 ||
    row.expMonth !== details.expMonth ||
    row.expYear !== details.expYear
  );
}

import type Stripe from "stripe";
import { db, type Tx } from "../../db";
import type { Invoice } from "../../generated/prisma/client";
import { newId } from "../../ids";
import { serializeInvoice } from "../../serializers/invoice";
import { stripe } from "../../stripe/client";
import type { Actor } from "../audit/actor";
import { recordChange } from "../audit/record-change";
import { settleCharge } from "../charges/settle-charge";
import { lockCustomer } from "../customers/lock-customer";
import { refreshCustomerFinancials } from "../financials/refresh-customer-financials";
import { syncSubscription } from "../subscriptions/sync-subscription";
import { invoiceAnnouncements } from "./invoice-announcements";
import { invoicePaymentIntent } from "./invoice-payment-intent";
import { invoiceData, invoiceDiffers, mapStripeInvoice } from "./map-stripe-invoice";

const idOf = (value: string | { id: string } | null | undefined) =>
  typeof value === "string" ? value : (value?.id ?? null);

/** The charge a one-off invoice bills: create-charge names it in the invoice's metadata. */
const CHARGE_METADATA_KEY = "donutwork_charge_id";

async function allLines(invoice: Stripe.Invoice): Promise<Stripe.InvoiceLineItem[]> {
  if (!invoice.lines.has_more || !invoice.id) return invoice.lines.data;
  return stripe().invoices.listLineItems(invoice.id, { limit: 100 }).autoPagingToArray({ limit: 10_000 });
}

/** Our customer for a Stripe invoice: the row's owner when we have it, else by Stripe's customer. */
async function findOwner(
  stripeInvoiceId: string,
): Promise<{ customerId: string; truth?: Stripe.Invoice } | null> {
  const known = await db().invoice.findUnique({ where: { stripeInvoiceId }, select: { customerId: true } });
  if (known) return { customerId: known.customerId };
  const truth = await stripe().invoices.retrieve(stripeInvoiceId);
  const stripeCustomerId = idOf(truth.customer);
  const customer = stripeCustomerId
    ? await db().customer.findUnique({ where: { stripeCustomerId }, select: { id: true } })
    : null;
  return customer ? { customerId: customer.id, truth } : null;
}

/** Our subscription row for the invoice's subscription, synced first when we have not seen it yet. */
async function subscriptionRowId(truth: Stripe.Invoice, customerId: string, actor: Actor) {
  const stripeSubscriptionId = idOf(truth.parent?.subscription_details?.subscription);
  if (!stripeSubscriptionId) return null;
  const known = await db().subscription.findUnique({ where: { stripeSubscriptionId }, select: { id: true } });
  if (known) return known.id;
  const synced = await syncSubscription({ stripeSubscriptionId, actor, customerId });
  return synced?.id ?? null;
}

/**
 * The invoice's charge, linked to the invoice once (a charge is billed on one invoice), with the
 * invoice's tax once it is final. Stripe fixes the tax at finalization, before the card is
 * charged, and create-charge mirrors the finalized invoice before paying it, so the charge's
 * first announced state already carries its tax; the write is not audited on its own.
 */
async function linkCharge(tx: Tx, row: Invoice, truth: Stripe.Invoice) {
  const chargeId = truth.metadata?.[CHARGE_METADATA_KEY];
  if (!chargeId) return null;
  const charge = await tx.charge.findFirst({ where: { id: chargeId, customerId: row.customerId } });
  if (!charge || (charge.invoiceId !== null && charge.invoiceId !== row.id)) return null;
  const tax = row.status === "draft" ? charge.tax : row.tax;
  if (charge.invoiceId === null || charge.tax !== tax)
    return tx.charge.update({ where: { id: charge.id }, data: { invoiceId: row.id, tax } });
  return charge;
}

/**
 * Converges our copy of one Stripe invoice on Stripe's truth, re-fetched under the customer's
 * row lock so that concurrent syncs (the charge's own calls and every `invoice.*` webhook, in any
 * order, any number of times) apply one after the other and the last one reads the newest state.
 * Announces `invoice.finalized`, `invoice.paid` and `invoice.payment_failed` once per change of
 * state, and rewrites the customer's kept figures (an open invoice past its due date is a risk
 * signal, cleared once it is paid, voided or uncollectible), in the same transaction as the
 * change. A charge's invoice also settles the charge when the charge's own request never did (it
 * was interrupted after paying).
 */
export async function syncInvoice({
  stripeInvoiceId,
  actor,
}: {
  stripeInvoiceId: string;
  actor: Actor;
}): Promise<Invoice | null> {
  const owner = await findOwner(stripeInvoiceId);
  if (!owner) return null; // not one of our customers'
  const first = owner.truth ?? (await stripe().invoices.retrieve(stripeInvoiceId));
  const subscriptionId = await subscriptionRowId(first, owner.customerId, actor);
  const { row, pendingChargeId } = await db().$transaction(
    async (tx) => {
      await lockCustomer(tx, owner.customerId);
      const truth = await stripe().invoices.retrieve(stripeInvoiceId);
      const fields = mapStripeInvoice(truth, await allLines(truth));
      const existing = await tx.invoice.findUnique({
        where: { stripeInvoiceId },
        include: { charge: { select: { id: true } } },
      });
      const changed =
        !existing || existing.subscriptionId !== subscriptionId || invoiceDiffers(existing, fields);
      const data = { ...invoiceData(fields), subscriptionId };
      const written = !changed
        ? existing
        : existing
          ? await tx.invoice.update({
              where: { id: existing.id },
              data,
              include: { charge: { select: { id: true } } },
            })
          : await tx.invoice.create({
              data: { ...data, id: newId("invoice"), customerId: owner.customerId, stripeInvoiceId },
              include: { charge: { select: { id: true } } },
            });
      const charge = await linkCharge(tx, written, truth);
      const row = { ...written, charge: charge ? { id: charge.id } : written.charge };
      const change = { actor, entityType: "invoice", entityId: row.id, customerId: owner.customerId };
      const before = existing ? serializeInvoice(existing) : null;
      const after = serializeInvoice(row);
      // Every invoice is recorded when first seen; integrators hear of it once it is final.
      if (!existing)
        await recordChange(tx, { ...change, action: "invoice.created", before, after, emitEvent: false });
      for (const type of invoiceAnnouncements(existing, fields)) {
        await recordChange(tx, { ...change, action: type, before, after });
      }
      if (changed) await refreshCustomerFinancials(tx, owner.customerId);
      return {
        row,
        pendingChargeId: charge?.status === "pending" && row.status !== "draft" ? charge.id : null,
      };
    },
    { timeout: 30_000, maxWait: 30_000 },
  );
  if (pendingChargeId) {
    const intent = await invoicePaymentIntent(stripeInvoiceId);
    if (intent) await settleCharge({ chargeId: pendingChargeId, intent, actor });
  }
  return row;
}

import type Stripe from "stripe";
import type { EmulatorContext } from "./context";
import {
  type CollectionOutcome,
  collectInvoice,
  finalizeInvoice,
  prepareInvoicePayment,
} from "./invoice-collection";
import { createDraftInvoice, type InvoiceLine } from "./invoice-factory";
import { pendingItemsOf } from "./invoice-items";
import { formatAmount } from "./money";
import { idOf, snapshot } from "./object-helpers";
import { itemAmount, type Period } from "./subscription-factory";
import type {
  InvoiceItemObject,
  InvoiceObject,
  PriceObject,
  SubscriptionItemObject,
  SubscriptionObject,
} from "./types";

/** The card a subscription is charged on: its own default, else the customer's invoice default. */
export function paymentMethodFor(ctx: EmulatorContext, subscription: SubscriptionObject): string | null {
  const own = idOf(subscription.default_payment_method);
  if (own) return own;
  const customer = ctx.store.customers.find(subscription.customer as string);
  return idOf(customer?.invoice_settings.default_payment_method);
}

export function productName(ctx: EmulatorContext, price: PriceObject): string {
  return ctx.store.products.find(price.product as string)?.name ?? "Subscription";
}

/** Stripe's wording: `2 × Pro plan (at $49.00 / month)`. */
function periodLineDescription(ctx: EmulatorContext, item: SubscriptionItemObject): string {
  const recurring = item.price.recurring;
  const every =
    recurring && recurring.interval_count > 1
      ? `every ${recurring.interval_count} ${recurring.interval}s`
      : `/ ${recurring?.interval ?? "month"}`;
  const unitAmount = formatAmount(item.price.unit_amount ?? 0, item.price.currency);
  return `${item.quantity ?? 1} × ${productName(ctx, item.price)} (at ${unitAmount} ${every})`;
}

function itemLines(
  ctx: EmulatorContext,
  subscription: SubscriptionObject,
  period: Period,
  trial: boolean,
): InvoiceLine[] {
  return subscription.items.data.map((item) => ({
    amount: trial ? 0 : itemAmount(item),
    description: trial
      ? `Trial period for ${productName(ctx, item.price)}`
      : periodLineDescription(ctx, item),
    quantity: item.quantity ?? 1,
    price: item.price,
    period,
    subscriptionItem: item.id,
    invoiceItem: null,
    proration: false,
  }));
}

/** Pending invoice items (prorations) become lines of the next invoice. */
function pendingLines(ctx: EmulatorContext, pending: InvoiceItemObject[]): InvoiceLine[] {
  return pending.map((item) => ({
    amount: item.amount,
    description: item.description ?? "",
    quantity: item.quantity,
    price: ctx.store.prices.get(idOf(item.pricing?.price_details?.price) ?? "", "price"),
    period: item.period,
    subscriptionItem: item.parent?.subscription_details?.subscription_item ?? "",
    invoiceItem: item.id,
    proration: item.proration,
  }));
}

export interface BillingRun {
  reason: Stripe.Invoice.BillingReason;
  /** The invoice's own period (Stripe uses the period just ended for renewals). */
  invoicePeriod: Period;
  /** The period the item lines cover; none for an invoice of pending prorations only. */
  itemPeriod: Period | null;
  trial: boolean;
  /** `payment_behavior=default_incomplete`: prepare the payment but let the integration confirm it. */
  deferPayment?: boolean;
}

/** Invoices the subscription, finalizes the invoice and charges it. */
export function billSubscription(
  ctx: EmulatorContext,
  subscription: SubscriptionObject,
  run: BillingRun,
): { invoice: InvoiceObject; outcome: CollectionOutcome } {
  const customer = ctx.store.customers.get(subscription.customer as string, "customer");
  const pending = pendingItemsOf(ctx, subscription.id);
  const lines = [
    ...(run.itemPeriod ? itemLines(ctx, subscription, run.itemPeriod, run.trial) : []),
    ...pendingLines(ctx, pending),
  ];
  const invoice = createDraftInvoice(ctx, {
    customer,
    subscription,
    billingReason: run.reason,
    period: run.invoicePeriod,
    lines,
  });
  for (const item of pending) item.invoice = invoice.id;
  subscription.latest_invoice = invoice.id;
  finalizeInvoice(ctx, invoice, customer);
  if (run.deferPayment && invoice.amount_remaining > 0) {
    prepareInvoicePayment(ctx, invoice, paymentMethodFor(ctx, subscription));
    return { invoice, outcome: { paid: false, decline: undefined } };
  }
  const outcome = collectInvoice(ctx, invoice, paymentMethodFor(ctx, subscription));
  return { invoice, outcome };
}

/** A later successful payment brings a past-due or incomplete subscription back to active. */
export function reactivateAfterPayment(ctx: EmulatorContext, invoice: InvoiceObject): void {
  const subscription = invoice.subscription ? ctx.store.subscriptions.find(invoice.subscription) : undefined;
  if (!subscription || (subscription.status !== "past_due" && subscription.status !== "incomplete")) return;
  const before = snapshot(subscription);
  subscription.status = "active";
  ctx.events.recordUpdate("customer.subscription.updated", before, subscription);
}

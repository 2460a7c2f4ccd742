import { prorate } from "./billing-periods";
import type { EmulatorContext } from "./context";
import { invalidParam, invalidRequest, missingParam } from "./errors";
import { createInvoiceItem, pendingItemsOf } from "./invoice-items";
import { snapshot } from "./object-helpers";
import { mergeMetadata, type Params } from "./params";
import { billSubscription, productName } from "./subscription-billing";
import { buildSubscriptionItem, currentPeriod, planFromPrice } from "./subscription-factory";
import { assertCompatiblePrices, readItemPrice } from "./subscription-items-params";
import type { PriceObject, SubscriptionItemObject, SubscriptionObject } from "./types";

type ProrationBehaviour = "create_prorations" | "none" | "always_invoice";

interface ItemChange {
  existing: SubscriptionItemObject | undefined;
  deleted: boolean;
  price: PriceObject | undefined;
  quantity: number | undefined;
}

export function assertPaymentMethodOf(
  ctx: EmulatorContext,
  paymentMethodId: string,
  customerId: string,
  param: string,
) {
  if (ctx.store.paymentMethods.find(paymentMethodId)?.customer !== customerId) {
    throw invalidParam(
      param,
      `The customer does not have a payment method with the ID ${paymentMethodId}. The payment method must be attached to the customer.`,
    );
  }
}

function readItemChanges(
  ctx: EmulatorContext,
  subscription: SubscriptionObject,
  params: Params,
): ItemChange[] {
  return params.objectList("items").map((item) => {
    const id = item.string("id");
    const existing = id ? subscription.items.data.find((candidate) => candidate.id === id) : undefined;
    if (id && !existing) throw invalidParam(item.pathOf("id"), `No such subscription item: '${id}'`);
    const price = readItemPrice(ctx, item);
    if (!existing && !price) throw missingParam(item.pathOf("price"));
    return {
      existing,
      deleted: item.boolean("deleted") ?? false,
      price,
      quantity: item.integer("quantity", { min: 0 }),
    };
  });
}

/** The prices the subscription would have after the changes, to validate before applying any. */
function pricesAfter(subscription: SubscriptionObject, changes: ItemChange[]): PriceObject[] {
  const kept = subscription.items.data
    .filter((item) => !changes.some((change) => change.existing === item && change.deleted))
    .map((item) => changes.find((change) => change.existing === item)?.price ?? item.price);
  const added = changes.filter((change) => !change.existing).map((change) => change.price as PriceObject);
  return [...kept, ...added];
}

/**
 * Pending invoice items for the rest of the current period: a credit for the unused time of what
 * was billed, and a charge for the remaining time of what replaces it. Billed on the next invoice.
 */
function createProrations(
  ctx: EmulatorContext,
  subscription: SubscriptionObject,
  before: { item: SubscriptionItemObject | undefined; price: PriceObject; quantity: number } | undefined,
  after: { item: SubscriptionItemObject; price: PriceObject; quantity: number } | undefined,
): void {
  const now = ctx.clock.now();
  const period = currentPeriod(subscription);
  const date = new Date(now * 1000).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
  const prorationPeriod = { start: now, end: period.end };
  const common = {
    customer: subscription.customer as string,
    subscription: subscription.id,
    period: prorationPeriod,
    proration: true,
  };
  const oldAmount = before ? (before.price.unit_amount ?? 0) * before.quantity : 0;
  const newAmount = after ? (after.price.unit_amount ?? 0) * after.quantity : 0;
  if (oldAmount === newAmount && before?.price.id === after?.price.id) return;
  const itemId = after?.item.id ?? before?.item?.id ?? "";
  if (before && oldAmount > 0) {
    createInvoiceItem(ctx, {
      ...common,
      subscriptionItem: itemId,
      price: before.price,
      quantity: before.quantity,
      amount: -prorate(oldAmount, period, now),
      description: `Unused time on ${before.quantity} × ${productName(ctx, before.price)} after ${date}`,
    });
  }
  if (after && newAmount > 0) {
    createInvoiceItem(ctx, {
      ...common,
      subscriptionItem: itemId,
      price: after.price,
      quantity: after.quantity,
      amount: prorate(newAmount, period, now),
      description: `Remaining time on ${after.quantity} × ${productName(ctx, after.price)} after ${date}`,
    });
  }
}

function applyItemChanges(
  ctx: EmulatorContext,
  subscription: SubscriptionObject,
  changes: ItemChange[],
  prorations: boolean,
) {
  const items = subscription.items.data;
  for (const change of changes) {
    const { existing } = change;
    const before = existing && { item: existing, price: existing.price, quantity: existing.quantity ?? 1 };
    let after: { item: SubscriptionItemObject; price: PriceObject; quantity: number } | undefined;
    if (existing && change.deleted) {
      items.splice(items.indexOf(existing), 1);
    } else if (existing) {
      existing.price = change.price ?? existing.price;
      existing.plan = planFromPrice(existing.price);
      existing.quantity = change.quantity ?? existing.quantity;
      after = { item: existing, price: existing.price, quantity: existing.quantity ?? 1 };
    } else {
      const added = buildSubscriptionItem(
        ctx,
        subscription.id,
        change.price as PriceObject,
        change.quantity ?? 1,
        currentPeriod(subscription),
      );
      items.push(added);
      after = { item: added, price: added.price, quantity: added.quantity ?? 1 };
    }
    if (prorations) createProrations(ctx, subscription, before, after);
  }
}

/** `POST /v1/subscriptions/:id`: validates everything first, then applies it and records one update. */
export function updateSubscription(ctx: EmulatorContext, subscription: SubscriptionObject, params: Params) {
  const ended = subscription.status === "canceled" || subscription.status === "incomplete_expired";
  if (ended && params.keys().some((key) => !["metadata", "expand", "cancellation_details"].includes(key))) {
    throw invalidRequest("A canceled subscription can only update its cancellation_details and metadata.");
  }
  const behaviour: ProrationBehaviour =
    params.oneOf("proration_behavior", ["create_prorations", "none", "always_invoice"]) ??
    "create_prorations";
  const defaultPaymentMethod = params.nullableString("default_payment_method");
  if (defaultPaymentMethod) {
    assertPaymentMethodOf(
      ctx,
      defaultPaymentMethod,
      subscription.customer as string,
      "default_payment_method",
    );
  }
  const cancelAtPeriodEnd = params.boolean("cancel_at_period_end");
  const changes = readItemChanges(ctx, subscription, params);
  const prices = pricesAfter(subscription, changes);
  if (prices.length === 0) throw invalidParam("items", "A subscription must have at least one active plan.");
  assertCompatiblePrices(prices);

  const before = snapshot(subscription);
  subscription.metadata = mergeMetadata(subscription.metadata, params.metadata());
  const description = params.nullableString("description");
  if (description !== undefined) subscription.description = description;
  if (defaultPaymentMethod !== undefined) subscription.default_payment_method = defaultPaymentMethod;
  if (cancelAtPeriodEnd !== undefined) scheduleCancellation(ctx, subscription, cancelAtPeriodEnd);
  // Stripe charges nothing for changes during a trial; prorations only apply to billed time.
  const billed = subscription.status === "active" || subscription.status === "past_due";
  applyItemChanges(ctx, subscription, changes, billed && behaviour !== "none");
  if (billed && behaviour === "always_invoice" && pendingItemsOf(ctx, subscription.id).length > 0) {
    const now = ctx.clock.now();
    const { outcome } = billSubscription(ctx, subscription, {
      reason: "subscription_update",
      invoicePeriod: { start: now, end: now },
      itemPeriod: null,
      trial: false,
    });
    if (!outcome.paid) subscription.status = "past_due";
  }
  ctx.events.recordUpdate("customer.subscription.updated", before, subscription);
  return subscription;
}

function scheduleCancellation(ctx: EmulatorContext, subscription: SubscriptionObject, atPeriodEnd: boolean) {
  subscription.cancel_at_period_end = atPeriodEnd;
  subscription.cancel_at = atPeriodEnd ? subscription.current_period_end : null;
  subscription.canceled_at = atPeriodEnd ? ctx.clock.now() : null;
  if (subscription.cancellation_details) {
    subscription.cancellation_details.reason = atPeriodEnd ? "cancellation_requested" : null;
  }
}

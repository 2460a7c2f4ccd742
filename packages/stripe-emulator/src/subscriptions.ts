import { addIntervals } from "./billing-periods";
import { wouldDecline } from "./card-payments";
import type { EmulatorContext } from "./context";
import { getCustomer } from "./customers";
import { cardError, invalidParam, invalidRequest, missingParam } from "./errors";
import { newId } from "./ids";
import { createdFilter, paginate } from "./list";
import { snapshot } from "./object-helpers";
import type { Params } from "./params";
import { apiRoute, type Route } from "./router";
import { billSubscription } from "./subscription-billing";
import { buildSubscription, buildSubscriptionItem, type Period } from "./subscription-factory";
import { assertCompatiblePrices, readItemPrice } from "./subscription-items-params";
import { cancelSubscriptionNow } from "./subscription-lifecycle";
import { assertPaymentMethodOf, updateSubscription } from "./subscription-updates";
import { DECLINED } from "./test-cards";
import type { CustomerObject, SubscriptionObject } from "./types";

const DAY = 24 * 60 * 60;

function readTrial(ctx: EmulatorContext, params: Params): Period | null {
  const now = ctx.clock.now();
  const trialEnd = params.string("trial_end");
  if (trialEnd !== undefined && trialEnd !== "now") {
    const end = params.requiredInteger("trial_end");
    if (end <= now)
      throw invalidParam("trial_end", "Invalid timestamp: must be an integer Unix timestamp in the future.");
    return { start: now, end };
  }
  const days = params.integer("trial_period_days", { min: 0 }) ?? 0;
  return days > 0 && trialEnd !== "now" ? { start: now, end: now + days * DAY } : null;
}

/** Stripe refuses to start a paid subscription it has no way to charge. */
function assertChargeable(
  customer: CustomerObject,
  paymentMethod: string | null,
  needsPayment: boolean,
): void {
  if (!needsPayment || paymentMethod || customer.invoice_settings.default_payment_method) return;
  throw invalidRequest(
    "This customer has no attached payment source or default payment method. Please consider adding a default payment method. For more information, visit https://stripe.com/docs/billing/subscriptions/payment-methods-setting#payment-method-priority.",
    { code: "resource_missing" },
  );
}

function createSubscription(ctx: EmulatorContext, params: Params): SubscriptionObject {
  const customer = getCustomer(ctx, params.requiredString("customer"));
  const behaviour =
    params.oneOf("payment_behavior", ["allow_incomplete", "default_incomplete", "error_if_incomplete"]) ??
    "allow_incomplete";
  if ((params.string("collection_method") ?? "charge_automatically") !== "charge_automatically") {
    throw invalidParam(
      "collection_method",
      "The Stripe emulator supports collection_method=charge_automatically only.",
    );
  }
  const defaultPaymentMethod = params.nullableString("default_payment_method") ?? null;
  if (defaultPaymentMethod)
    assertPaymentMethodOf(ctx, defaultPaymentMethod, customer.id, "default_payment_method");
  const trial = readTrial(ctx, params);
  assertChargeable(customer, defaultPaymentMethod, !trial && behaviour !== "default_incomplete");
  const chargedCard =
    defaultPaymentMethod ?? (customer.invoice_settings.default_payment_method as string | null);
  if (!trial && behaviour === "error_if_incomplete" && chargedCard && wouldDecline(ctx, chargedCard)) {
    throw cardError(DECLINED);
  }

  const itemParams = params.objectList("items");
  if (itemParams.length === 0) throw missingParam("items");
  const items = itemParams.map((item) => {
    const price = readItemPrice(ctx, item);
    if (!price) throw missingParam(item.pathOf("price"));
    return { price, quantity: item.integer("quantity", { min: 0 }) ?? 1 };
  });
  assertCompatiblePrices(items.map((item) => item.price));

  const now = ctx.clock.now();
  const first = items[0]?.price.recurring;
  const period = trial ?? {
    start: now,
    end: addIntervals(now, first?.interval ?? "month", first?.interval_count ?? 1),
  };
  const id = newId("sub");
  const subscription = ctx.store.subscriptions.put(
    buildSubscription(ctx, {
      id,
      customer: customer.id,
      currency: items[0]?.price.currency ?? "usd",
      items: items.map(({ price, quantity }) => buildSubscriptionItem(ctx, id, price, quantity, period)),
      period,
      trial,
      defaultPaymentMethod,
      description: params.string("description") ?? null,
      metadata: params.metadata() ?? {},
      automaticTax: params.object("automatic_tax")?.boolean("enabled") ?? false,
    }),
  );
  if (params.boolean("cancel_at_period_end")) {
    subscription.cancel_at_period_end = true;
    subscription.cancel_at = period.end;
  }
  customer.currency ??= subscription.currency;
  ctx.events.record("customer.subscription.created", subscription);
  startBilling(ctx, subscription, trial, behaviour === "default_incomplete");
  return subscription;
}

/**
 * The first invoice: $0 for a trial, else the first period, charged at once unless the caller
 * chose `default_incomplete` (then its payment intent waits to be confirmed).
 */
function startBilling(
  ctx: EmulatorContext,
  subscription: SubscriptionObject,
  trial: Period | null,
  deferPayment: boolean,
) {
  const now = ctx.clock.now();
  const period = { start: subscription.current_period_start, end: subscription.current_period_end };
  const before = snapshot(subscription);
  const { outcome } = billSubscription(ctx, subscription, {
    reason: "subscription_create",
    invoicePeriod: { start: now, end: now },
    itemPeriod: period,
    trial: trial !== null,
    deferPayment,
  });
  if (trial || !outcome.paid) return;
  subscription.status = "active";
  ctx.events.recordUpdate("customer.subscription.updated", before, subscription);
}

function listSubscriptions(ctx: EmulatorContext, params: Params) {
  const customer = params.string("customer");
  const status = params.string("status");
  const price = params.string("price");
  const created = createdFilter(params);
  // Without `status`, Stripe lists every subscription that has not been canceled.
  const statusMatches = (subscription: SubscriptionObject) =>
    status === "all" || (status ? subscription.status === status : subscription.status !== "canceled");
  const subscriptions = ctx.store.subscriptions.list(
    (subscription) =>
      (!customer || subscription.customer === customer) &&
      statusMatches(subscription) &&
      (!price || subscription.items.data.some((item) => item.price.id === price)) &&
      created(subscription),
  );
  return paginate(subscriptions, params, "/v1/subscriptions");
}

function cancelSubscription(ctx: EmulatorContext, subscription: SubscriptionObject, params: Params) {
  if (subscription.status === "canceled" || subscription.status === "incomplete_expired") {
    throw invalidRequest(`This subscription (${subscription.id}) is already canceled.`);
  }
  const details = params.object("cancellation_details");
  if (details && subscription.cancellation_details) {
    subscription.cancellation_details.comment = details.string("comment") ?? null;
  }
  return cancelSubscriptionNow(ctx, subscription);
}

const getSubscription = (ctx: EmulatorContext, id: string) => ctx.store.subscriptions.get(id, "id");

export const subscriptionRoutes: Route[] = [
  apiRoute("POST", "/v1/subscriptions", (ctx, request) => createSubscription(ctx, request.params)),
  apiRoute("GET", "/v1/subscriptions/:id", (ctx, request) => getSubscription(ctx, request.pathParam("id"))),
  apiRoute("POST", "/v1/subscriptions/:id", (ctx, request) =>
    updateSubscription(ctx, getSubscription(ctx, request.pathParam("id")), request.params),
  ),
  apiRoute("DELETE", "/v1/subscriptions/:id", (ctx, request) =>
    cancelSubscription(ctx, getSubscription(ctx, request.pathParam("id")), request.params),
  ),
  apiRoute("GET", "/v1/subscriptions", (ctx, { params }) => listSubscriptions(ctx, params)),
];

import type { EmulatorContext } from "./context";
import { newId } from "./ids";
import { embeddedList } from "./object-helpers";
import type { Metadata, PlanObject, PriceObject, SubscriptionItemObject, SubscriptionObject } from "./types";

export interface Period {
  start: number;
  end: number;
}

/** The legacy `plan` view of a recurring price, which Stripe still puts on subscription items. */
export function planFromPrice(price: PriceObject): PlanObject {
  return {
    id: price.id,
    object: "plan",
    active: price.active,
    amount: price.unit_amount,
    amount_decimal: price.unit_amount_decimal,
    billing_scheme: "per_unit",
    created: price.created,
    currency: price.currency,
    interval: price.recurring?.interval ?? "month",
    interval_count: price.recurring?.interval_count ?? 1,
    livemode: false,
    metadata: price.metadata,
    meter: null,
    nickname: price.nickname,
    product: price.product,
    tiers_mode: null,
    transform_usage: null,
    trial_period_days: null,
    usage_type: "licensed",
  };
}

export function buildSubscriptionItem(
  ctx: EmulatorContext,
  subscriptionId: string,
  price: PriceObject,
  quantity: number,
  period: Period,
): SubscriptionItemObject {
  return {
    id: newId("si"),
    object: "subscription_item",
    billing_thresholds: null,
    created: ctx.clock.now(),
    current_period_end: period.end,
    current_period_start: period.start,
    discounts: [],
    metadata: {},
    plan: planFromPrice(price),
    price,
    quantity,
    subscription: subscriptionId,
    tax_rates: [],
  };
}

export interface NewSubscription {
  id: string;
  customer: string;
  currency: string;
  items: SubscriptionItemObject[];
  period: Period;
  trial: Period | null;
  defaultPaymentMethod: string | null;
  description: string | null;
  metadata: Metadata;
  /** `automatic_tax[enabled]`: its invoices are taxed from the customer's address (invoice-totals.ts, tax-rates.ts). */
  automaticTax: boolean;
}

export function buildSubscription(ctx: EmulatorContext, fields: NewSubscription): SubscriptionObject {
  const now = ctx.clock.now();
  return {
    id: fields.id,
    object: "subscription",
    application: null,
    application_fee_percent: null,
    automatic_tax: {
      disabled_reason: null,
      enabled: fields.automaticTax,
      liability: fields.automaticTax ? { type: "self" } : null,
    },
    // Periods are counted from the anchor: the start, or the end of the trial when there is one.
    billing_cycle_anchor: fields.trial?.end ?? fields.period.start,
    billing_cycle_anchor_config: null,
    billing_mode: { flexible: null, type: "classic" },
    billing_thresholds: null,
    cancel_at: null,
    cancel_at_period_end: false,
    canceled_at: null,
    cancellation_details: { comment: null, feedback: null, feedback_option: null, reason: null },
    collection_method: "charge_automatically",
    created: now,
    currency: fields.currency,
    current_period_end: fields.period.end,
    current_period_start: fields.period.start,
    customer: fields.customer,
    customer_account: null,
    days_until_due: null,
    default_payment_method: fields.defaultPaymentMethod,
    default_source: null,
    default_tax_rates: [],
    description: fields.description,
    discounts: [],
    ended_at: null,
    invoice_settings: {
      account_tax_ids: null,
      custom_fields: null,
      description: null,
      footer: null,
      issuer: { type: "self" },
    },
    items: embeddedList(fields.items, `/v1/subscription_items?subscription=${fields.id}`),
    latest_invoice: null,
    livemode: false,
    managed_payments: null,
    metadata: fields.metadata,
    next_pending_invoice_item_invoice: null,
    on_behalf_of: null,
    pause_collection: null,
    payment_settings: {
      payment_method_options: null,
      payment_method_types: null,
      save_default_payment_method: "off",
    },
    pending_invoice_item_interval: null,
    pending_setup_intent: null,
    pending_update: null,
    schedule: null,
    start_date: now,
    status: fields.trial ? "trialing" : "incomplete",
    test_clock: null,
    transfer_data: null,
    trial_end: fields.trial?.end ?? null,
    trial_settings: {
      end_behavior: { billing_cycle_anchor: "trial_end", missing_payment_method: "create_invoice" },
    },
    trial_start: fields.trial?.start ?? null,
    billing_schedules: [],
  };
}

/** Stripe now keeps the period on items; the emulator also mirrors it on the subscription. */
export function setCurrentPeriod(subscription: SubscriptionObject, period: Period): void {
  subscription.current_period_start = period.start;
  subscription.current_period_end = period.end;
  for (const item of subscription.items.data) {
    item.current_period_start = period.start;
    item.current_period_end = period.end;
  }
}

export function currentPeriod(subscription: SubscriptionObject): Period {
  return { start: subscription.current_period_start, end: subscription.current_period_end };
}

/** What one full period costs: Σ unit amount × quantity over the items, in minor units. */
export function itemAmount(item: SubscriptionItemObject): number {
  return (item.price.unit_amount ?? 0) * (item.quantity ?? 1);
}

import { nextPeriodEnd } from "./billing-periods";
import type { DueWork } from "./clock";
import type { EmulatorContext } from "./context";
import { snapshot } from "./object-helpers";
import { billSubscription } from "./subscription-billing";
import { currentPeriod, type Period, setCurrentPeriod } from "./subscription-factory";
import type { SubscriptionObject } from "./types";

/*
 * What happens to subscriptions as time passes: trials end, periods renew, cancellations
 * scheduled for the period end take effect, and unpaid first invoices expire.
 */

// Stripe gives an `incomplete` subscription 23 hours to be paid before it becomes `incomplete_expired`.
const INCOMPLETE_LIFETIME_SECONDS = 23 * 60 * 60;

export function cancelSubscriptionNow(
  ctx: EmulatorContext,
  subscription: SubscriptionObject,
): SubscriptionObject {
  const now = ctx.clock.now();
  subscription.status = "canceled";
  subscription.canceled_at ??= now;
  subscription.ended_at = now;
  subscription.cancel_at_period_end = false;
  subscription.cancellation_details ??= {
    comment: null,
    feedback: null,
    feedback_option: null,
    reason: null,
  };
  subscription.cancellation_details.reason ??= "cancellation_requested";
  ctx.events.record("customer.subscription.deleted", subscription);
  return subscription;
}

function nextPeriodOf(subscription: SubscriptionObject): Period {
  const recurring = subscription.items.data[0]?.price.recurring;
  const start = subscription.current_period_end;
  const end = nextPeriodEnd(
    subscription.billing_cycle_anchor,
    recurring?.interval ?? "month",
    recurring?.interval_count ?? 1,
    start,
  );
  return { start, end };
}

/** Starts the next period and charges for it; success keeps (or makes) it active, failure past_due. */
function renew(ctx: EmulatorContext, subscription: SubscriptionObject): void {
  const before = snapshot(subscription);
  const endedPeriod = currentPeriod(subscription);
  const period = nextPeriodOf(subscription);
  setCurrentPeriod(subscription, period);
  const { outcome } = billSubscription(ctx, subscription, {
    reason: "subscription_cycle",
    invoicePeriod: endedPeriod,
    itemPeriod: period,
    trial: false,
  });
  subscription.status = outcome.paid ? "active" : "past_due";
  ctx.events.recordUpdate("customer.subscription.updated", before, subscription);
}

function expireIncomplete(ctx: EmulatorContext, subscription: SubscriptionObject): void {
  const before = snapshot(subscription);
  subscription.status = "incomplete_expired";
  subscription.ended_at = ctx.clock.now();
  const invoice = subscription.latest_invoice
    ? ctx.store.invoices.find(subscription.latest_invoice as string)
    : undefined;
  if (invoice?.status === "open") {
    invoice.status = "void";
    invoice.status_transitions.voided_at = ctx.clock.now();
    ctx.events.record("invoice.voided", invoice);
  }
  ctx.events.recordUpdate("customer.subscription.updated", before, subscription);
}

/** The next thing that will happen to this subscription, and when; none once it has ended. */
function dueWorkFor(ctx: EmulatorContext, subscription: SubscriptionObject): DueWork | undefined {
  switch (subscription.status) {
    case "incomplete":
      return {
        at: subscription.created + INCOMPLETE_LIFETIME_SECONDS,
        run: () => expireIncomplete(ctx, subscription),
      };
    case "trialing":
    case "active":
    case "past_due": {
      const at = subscription.current_period_end;
      const cancels = subscription.cancel_at !== null && subscription.cancel_at <= at;
      if (cancels)
        return { at: subscription.cancel_at ?? at, run: () => cancelSubscriptionNow(ctx, subscription) };
      return { at, run: () => renew(ctx, subscription) };
    }
    default:
      return undefined;
  }
}

/** Due work for the clock: the earliest subscription event across all subscriptions. */
export function nextSubscriptionWork(ctx: EmulatorContext): DueWork | undefined {
  let earliest: DueWork | undefined;
  for (const subscription of ctx.store.subscriptions.all()) {
    const work = dueWorkFor(ctx, subscription);
    if (work && (!earliest || work.at < earliest.at)) earliest = work;
  }
  return earliest;
}

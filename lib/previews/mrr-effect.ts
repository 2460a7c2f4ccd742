import {
  type MrrByCurrency,
  type RevenueSubscription,
  SUBSCRIPTION_STATUSES,
  type SubscriptionStatus,
  subscriptionMrr,
  yrrFromMrr,
} from "../metrics";

/** What a subscription form would do to the customer's MRR in one currency, before confirming. */
export interface MrrEffect {
  currency: string;
  mrrBefore: number;
  mrrAfter: number;
  yrrBefore: number;
  yrrAfter: number;
}

/** A subscription as the API shows it: its status and its contribution to MRR now (`mrr`). */
export interface CurrentSubscription {
  status: string;
  currency: string;
  mrr: number;
}

export type SubscriptionChange =
  /** A new subscription: trial days make it `trialing` (counts 0) until the trial ends. */
  | { kind: "create"; subscription: Omit<RevenueSubscription, "status">; trialDays: number }
  /** A new quantity or unit amount on a live subscription, keeping its status. */
  | { kind: "update"; current: CurrentSubscription; next: Omit<RevenueSubscription, "status"> }
  /** Canceled now: its contribution goes. (At period end it keeps counting until then.) */
  | { kind: "cancel"; current: CurrentSubscription };

/** Stripe statuses the metrics do not know (none today) are treated as not counting. */
export const statusOf = (status: string): SubscriptionStatus =>
  (SUBSCRIPTION_STATUSES as readonly string[]).includes(status)
    ? (status as SubscriptionStatus)
    : "incomplete";

/**
 * MRR/YRR before and after a change, with lib/metrics' own rules (trialing counts 0, yearly ÷ 12
 * rounded half up once per subscription), from the customer's current figures. The current
 * subscription's part is the API's `mrr` for it (discounts included), so an update changes only
 * what the form changes.
 */
export function mrrEffect(current: MrrByCurrency, change: SubscriptionChange): MrrEffect {
  const currency = (change.kind === "create" ? change.subscription : change.current).currency.toUpperCase();
  const mrrBefore = current[currency] ?? 0;
  // The customer's figures and the subscription's come from two queries refetched one after the
  // other; for a moment after a change (this form's, a webhook's) they can disagree, e.g. the
  // metrics already without a canceled subscription that the list still shows live. A preview
  // then says 0 rather than a negative MRR (which lib/metrics rightly refuses).
  const mrrAfter = Math.max(0, mrrBefore + deltaOf(change));
  return { currency, mrrBefore, mrrAfter, yrrBefore: yrrFromMrr(mrrBefore), yrrAfter: yrrFromMrr(mrrAfter) };
}

function deltaOf(change: SubscriptionChange): number {
  switch (change.kind) {
    case "create":
      return subscriptionMrr({
        ...change.subscription,
        status: change.trialDays > 0 ? "trialing" : "active",
      });
    case "update":
      return (
        subscriptionMrr({ ...change.next, status: statusOf(change.current.status) }) - change.current.mrr
      );
    case "cancel":
      return -change.current.mrr;
  }
}

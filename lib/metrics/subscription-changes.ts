// What changed in a subscription between two of its states: the causes recorded with the MRR
// change it brings (mrr_snapshots.changes), e.g. "quantity 1 → 2" or "trial ended".

export const CHANGE_KINDS = [
  "created",
  "canceled",
  "quantity_changed",
  "amount_changed",
  "interval_changed",
  "trial_started",
  "trial_ended",
  "past_due",
  "unpaid",
  "paused",
  "resumed",
  "reactivated",
  "activated",
  "status_changed",
  "discount_changed",
  "unknown",
] as const;

export type ChangeKind = (typeof CHANGE_KINDS)[number];

export interface SubscriptionChange {
  subscription_id: string | null;
  description: string | null;
  change: ChangeKind;
  from: number | string | null;
  to: number | string | null;
}

/** The columns of a subscription the causes are read from. */
export interface SubscriptionState {
  id: string;
  description: string | null;
  status: string;
  currency: string;
  unitAmount: number;
  quantity: number;
  interval: string;
  intervalCount: number;
}

/** The cause recorded for rows written before causes were kept. */
export const UNKNOWN_CHANGE: SubscriptionChange = {
  subscription_id: null,
  description: null,
  change: "unknown",
  from: null,
  to: null,
};

const ENDED = new Set(["canceled", "unpaid", "incomplete_expired"]);

/** The cause of a status change, by Stripe's lifecycle (null when the status is the same). */
function statusChange(from: string, to: string): ChangeKind | null {
  if (from === to) return null;
  if (to === "canceled" || to === "incomplete_expired") return "canceled";
  if (to === "past_due" || to === "unpaid" || to === "paused") return to;
  if (to === "trialing") return "trial_started";
  if (to === "active") {
    if (from === "trialing") return "trial_ended";
    if (from === "paused") return "resumed";
    if (from === "incomplete") return "activated";
    if (ENDED.has(from)) return "reactivated";
  }
  return "status_changed";
}

const intervalOf = (state: SubscriptionState) => `${state.intervalCount} ${state.interval}`;

/**
 * The changes from `before` (null: the subscription is new to us) to `after`, in a fixed order:
 * status, quantity, amount, interval. Fields that do not move MRR (period dates, the
 * cancel-at-period-end flag) are not causes.
 */
export function subscriptionChanges(
  before: SubscriptionState | null,
  after: SubscriptionState,
): SubscriptionChange[] {
  const base = { subscription_id: after.id, description: after.description };
  if (!before) return [{ ...base, change: "created", from: null, to: after.status }];
  const changes: SubscriptionChange[] = [];
  const status = statusChange(before.status, after.status);
  if (status) changes.push({ ...base, change: status, from: before.status, to: after.status });
  if (before.quantity !== after.quantity)
    changes.push({ ...base, change: "quantity_changed", from: before.quantity, to: after.quantity });
  if (before.unitAmount !== after.unitAmount)
    changes.push({ ...base, change: "amount_changed", from: before.unitAmount, to: after.unitAmount });
  if (intervalOf(before) !== intervalOf(after))
    changes.push({ ...base, change: "interval_changed", from: intervalOf(before), to: intervalOf(after) });
  return changes;
}

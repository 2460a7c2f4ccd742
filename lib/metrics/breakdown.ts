// One line per subscription of a customer's MRR: what it is billed, how that becomes a month,
// and whether it counts (and when not, why). The counted lines of a currency sum to the
// customer's MRR there, because each line's mrr is subscriptionMrr and mrrByCurrency sums those.
import { countsTowardMrr, subscriptionMrr } from "./mrr";
import type { RevenueSubscription, SubscriptionStatus } from "./types";

export interface BreakdownLine {
  status: SubscriptionStatus;
  currency: string;
  unitAmount: number;
  quantity: number;
  /** unitAmount × quantity, before discounts. */
  periodAmount: number;
  interval: "month" | "year";
  intervalCount: number;
  /** The divisor from a billing period to a month: intervalCount, or 12 × intervalCount yearly. */
  months: number;
  discount: { percentOff: number | null; amountOff: number | null; amount: number } | null;
  mrr: number;
  counts: boolean;
  /** Why the line does not count (its status), null when it counts. */
  reason: Exclude<SubscriptionStatus, "active" | "past_due"> | null;
}

export function breakdownLine(sub: RevenueSubscription): BreakdownLine {
  const mrr = subscriptionMrr(sub);
  const intervalCount = sub.intervalCount ?? 1;
  const periodAmount = sub.unitAmount * sub.quantity;
  const counts = countsTowardMrr(sub.status);
  const discounted = (sub.percentOff ?? 0) > 0 || (sub.amountOff ?? 0) > 0;
  const months = sub.interval === "year" ? 12 * intervalCount : intervalCount;
  // What the discount takes off a billing period: the gross period amount less the undiscounted
  // line's MRR back-scaled would round twice, so it is the plain difference of the two MRRs × months.
  const undiscounted = subscriptionMrr({ ...sub, status: "active", percentOff: null, amountOff: null });
  return {
    status: sub.status,
    currency: sub.currency.toUpperCase(),
    unitAmount: sub.unitAmount,
    quantity: sub.quantity,
    periodAmount,
    interval: sub.interval,
    intervalCount,
    months,
    discount: discounted
      ? {
          percentOff: sub.percentOff ?? null,
          amountOff: sub.amountOff ?? null,
          amount: undiscounted - subscriptionMrr({ ...sub, status: "active" }),
        }
      : null,
    mrr,
    counts,
    reason: counts ? null : (sub.status as BreakdownLine["reason"]),
  };
}

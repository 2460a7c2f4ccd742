import { breakdownLine, type SubscriptionState } from "../../metrics";
import { mrrInputOf } from "./mrr-input";

/**
 * The customer's breakdown lines, newest subscription first, as the API shows them. Stored
 * subscriptions carry no discount (DonutWork creates them without coupons), so `discount` is null
 * until one is kept; breakdownLine already applies one when given.
 */
export function breakdownOf(subscriptions: readonly SubscriptionState[]) {
  return [...subscriptions]
    .sort((a, b) => (a.id < b.id ? 1 : -1))
    .map((row) => {
      const line = breakdownLine(mrrInputOf(row));
      return {
        subscription_id: row.id,
        description: row.description,
        status: line.status,
        currency: line.currency,
        unit_amount: line.unitAmount,
        quantity: line.quantity,
        period_amount: line.periodAmount,
        interval: line.interval,
        interval_count: line.intervalCount,
        months: line.months,
        discount: line.discount && {
          percent_off: line.discount.percentOff,
          amount_off: line.discount.amountOff,
          amount: line.discount.amount,
        },
        mrr: line.mrr,
        counts: line.counts,
        reason: line.reason,
      };
    });
}

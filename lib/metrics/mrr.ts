// Monthly and yearly recurring revenue, defined as Stripe's Billing analytics and ChartMogul
// define them, so that our figures agree with what finance teams see there: MRR is the
// monthly-normalised value of every active and past_due subscription, after discounts.
import { assertInteger, divideRoundingHalfUp, normaliseCurrency, toSafeNumber } from "./integer-math";
import type { MrrByCurrency, RevenueSubscription, SubscriptionStatus } from "./types";

/**
 * Statuses whose revenue counts. past_due still counts because Stripe is retrying the payment and
 * the subscription is intact. Excluded: trialing (no predictable revenue yet), unpaid (Stripe
 * treats "marked unpaid" as churn), canceled, paused, incomplete and incomplete_expired (never
 * started). cancel_at_period_end is not a status: it keeps counting until it becomes `canceled`.
 */
const MRR_STATUSES: ReadonlySet<SubscriptionStatus> = new Set(["active", "past_due"]);

const BASIS_POINTS_PER_WHOLE = 10_000n;

export function countsTowardMrr(status: SubscriptionStatus): boolean {
  return MRR_STATUSES.has(status);
}

/** Stripe's percent_off has up to two decimals; as basis points it becomes an exact integer. */
function percentOffToBasisPoints(percentOff: number): bigint {
  const basisPoints = Math.round(percentOff * 100);
  if (!(percentOff >= 0 && percentOff <= 100) || Math.abs(percentOff * 100 - basisPoints) > 1e-6) {
    throw new RangeError(`percentOff must be 0–100 with at most two decimals, got ${percentOff}`);
  }
  return BigInt(basisPoints);
}

function monthsPerBillingPeriod(sub: RevenueSubscription): bigint {
  const intervalCount = sub.intervalCount ?? 1;
  assertInteger(intervalCount, "intervalCount", 1);
  return BigInt(sub.interval === "year" ? 12 * intervalCount : intervalCount);
}

/**
 * The subscription's contribution to MRR in integer minor units.
 *
 * Per billing period: unitAmount × quantity, minus percentOff, minus amountOff, floored at 0.
 * Then divided by the period's length in months. The whole calculation is kept exact (scaled by
 * 10 000 so basis points stay integers) and rounded ONCE at the end, half up — e.g. a yearly 100
 * gives 100 / 12 = 8.33 → 8, and a yearly 6 gives 0.5 → 1. Totals are sums of these rounded
 * per-subscription values, so they match what a per-subscription report would show.
 */
export function subscriptionMrr(sub: RevenueSubscription): number {
  // Validate before the status check so bad data fails the same way whatever its status.
  assertInteger(sub.unitAmount, "unitAmount");
  assertInteger(sub.quantity, "quantity");
  assertInteger(sub.amountOff ?? 0, "amountOff");
  normaliseCurrency(sub.currency);
  const months = monthsPerBillingPeriod(sub);
  const percentOff = percentOffToBasisPoints(sub.percentOff ?? 0);

  if (!countsTowardMrr(sub.status)) return 0;

  const gross = BigInt(sub.unitAmount) * BigInt(sub.quantity);
  const scaledNet =
    gross * (BASIS_POINTS_PER_WHOLE - percentOff) - BigInt(sub.amountOff ?? 0) * BASIS_POINTS_PER_WHOLE;
  // A discount larger than the price makes the subscription free, never negative revenue.
  if (scaledNet <= 0n) return 0;
  return toSafeNumber(divideRoundingHalfUp(scaledNet, BASIS_POINTS_PER_WHOLE * months), "MRR");
}

/**
 * Total MRR per currency; currencies are never converted or combined. A currency appears when at
 * least one of its subscriptions counts toward MRR (active or past_due), even if that total is 0
 * (e.g. a 100% discount); currencies with only trialing/canceled/… subscriptions are left out, so
 * adding a non-counting subscription never changes the result.
 */
export function mrrByCurrency(subs: readonly RevenueSubscription[]): MrrByCurrency {
  const totals = new Map<string, bigint>();
  for (const sub of subs) {
    const mrr = subscriptionMrr(sub);
    if (!countsTowardMrr(sub.status)) continue;
    const currency = normaliseCurrency(sub.currency);
    totals.set(currency, (totals.get(currency) ?? 0n) + BigInt(mrr));
  }
  // Object.fromEntries defines own properties, so no currency string can reach the prototype.
  return Object.fromEntries([...totals].map(([currency, total]) => [currency, toSafeNumber(total, "MRR")]));
}

/** Yearly run-rate: exactly 12 × MRR (not the sum of yearly prices), so the two always agree. */
export function yrrFromMrr(mrr: number): number {
  assertInteger(mrr, "mrr");
  const yrr = mrr * 12;
  assertInteger(yrr, "yrr");
  return yrr;
}

// MRR movements over a period, with Stripe's categories (new, reactivation, expansion,
// contraction, churn). Classification is per customer AND per currency: currencies are never
// converted, so a customer paying in USD and EUR has two independent rows.
import { assertInteger, normaliseCurrency } from "./integer-math";
import type { CurrencyMovementSummary, Movement, MovementType, MrrByCurrency, MrrChange } from "./types";

export const MOVEMENT_TYPES: readonly MovementType[] = [
  "new",
  "reactivation",
  "expansion",
  "contraction",
  "churn",
];

/** Movements that add MRR; the others subtract theirs (Stripe's MRR growth formula). */
export const GROWTH_TYPES: ReadonlySet<MovementType> = new Set(["new", "reactivation", "expansion"]);

/** The movement a change represents, or null when the MRR did not change (including 0 → 0). */
export function classifyMovement(change: MrrChange): MovementType | null {
  assertInteger(change.startMrr, "startMrr");
  assertInteger(change.endMrr, "endMrr");
  const { startMrr, endMrr } = change;
  if (startMrr === endMrr) return null;
  if (startMrr === 0) return change.hadMrrBeforeStart ? "reactivation" : "new";
  if (endMrr === 0) return "churn";
  return endMrr > startMrr ? "expansion" : "contraction";
}

/** The changes that moved MRR, each with its signed delta; unchanged rows are dropped. */
export function toMovements(changes: readonly MrrChange[]): Movement[] {
  return changes.flatMap((change) => {
    const type = classifyMovement(change);
    if (type === null) return [];
    const currency = normaliseCurrency(change.currency);
    return [{ customerId: change.customerId, currency, type, delta: change.endMrr - change.startMrr }];
  });
}

/**
 * Builds one customer's rows from two `mrrByCurrency` results, one per currency seen at either
 * end. `currenciesWithEarlierMrr` lists the currencies the customer had MRR in before the start.
 */
export function customerMrrChanges(input: {
  customerId: string;
  start: MrrByCurrency;
  end: MrrByCurrency;
  currenciesWithEarlierMrr: readonly string[];
}): MrrChange[] {
  const normalise = (byCurrency: MrrByCurrency) =>
    new Map(Object.entries(byCurrency).map(([currency, mrr]) => [normaliseCurrency(currency), mrr]));
  const start = normalise(input.start);
  const end = normalise(input.end);
  const earlier = new Set(input.currenciesWithEarlierMrr.map(normaliseCurrency));
  return [...new Set([...start.keys(), ...end.keys()])].map((currency) => ({
    customerId: input.customerId,
    currency,
    startMrr: start.get(currency) ?? 0,
    endMrr: end.get(currency) ?? 0,
    hadMrrBeforeStart: earlier.has(currency),
  }));
}

function emptySummary(currency: string): CurrencyMovementSummary {
  const zero = () => ({ count: 0, amount: 0 });
  const byType = { new: zero(), reactivation: zero(), expansion: zero(), contraction: zero(), churn: zero() };
  return { currency, startMrr: 0, endMrr: 0, byType, netNewMrr: 0 };
}

/**
 * Per-currency totals: start and end MRR, count and amount (a positive magnitude) per movement
 * type, and net new MRR = new + reactivation + expansion − contraction − churn, which by
 * construction equals endMrr − startMrr. Expects one row per (customer, currency).
 */
export function summariseMovements(changes: readonly MrrChange[]): Record<string, CurrencyMovementSummary> {
  const summaries = new Map<string, CurrencyMovementSummary>();
  for (const change of changes) {
    const type = classifyMovement(change);
    const currency = normaliseCurrency(change.currency);
    const summary = summaries.get(currency) ?? emptySummary(currency);
    summaries.set(currency, summary);
    summary.startMrr += change.startMrr;
    summary.endMrr += change.endMrr;
    if (type === null) continue;
    summary.byType[type].count += 1;
    summary.byType[type].amount += Math.abs(change.endMrr - change.startMrr);
  }
  // Net new MRR from the movement totals (not from end − start), so the "net = end − start"
  // property in the tests really checks that every change landed in the right bucket.
  for (const summary of summaries.values()) {
    summary.netNewMrr = MOVEMENT_TYPES.reduce(
      (net, type) => net + (GROWTH_TYPES.has(type) ? 1 : -1) * summary.byType[type].amount,
      0,
    );
  }
  return Object.fromEntries(summaries);
}

// Account risk: a list of plain-English signals and a 0–100 score. Each signal is a small rule
// over already-counted facts (the caller queries; this file only decides), so every boundary
// can be unit-tested without a database or a clock.
import { formatMoney } from "../format/money";
import { assertInteger, divideRoundingHalfUp } from "./integer-math";
import type {
  CardExpiry,
  InvoiceDue,
  RiskAssessment,
  RiskInput,
  RiskLevel,
  RiskSignal,
  RiskSignalCode,
} from "./types";

/**
 * Weight per signal. Losing the ability to charge (no method, expired card) or a dispute weighs
 * the most; one of these alone makes an account "medium". charge_failed is per failed charge,
 * counted up to MAX_WEIGHTED_FAILED_CHARGES so retries alone cannot fill the whole score.
 * invoice_overdue weighs as past_due: both are money billed and not collected when it was due
 * (Stripe moves a subscription billed by sent invoices to past_due once its invoice is overdue,
 * and dunning starts there), so one alone makes an account "medium". It weighs less than losing
 * the card: the customer can still pay the invoice it was sent.
 */
export const RISK_WEIGHTS = {
  no_payment_method: 40,
  card_expired: 40,
  card_expiring: 15,
  charge_failed: 15,
  charge_disputed: 35,
  past_due: 30,
  invoice_overdue: 30,
  mrr_decreased: 15,
} as const satisfies Record<RiskSignalCode, number>;

export const MAX_WEIGHTED_FAILED_CHARGES = 3;
export const CARD_EXPIRING_WITHIN_DAYS = 30;
export const MAX_RISK_SCORE = 100;
/** Minimum score for each level: low < 30 ≤ medium < 60 ≤ high. */
export const RISK_LEVEL_THRESHOLDS = { medium: 30, high: 60 } as const;

const DAY_MS = 86_400_000;

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** Whole UTC calendar days from `now`'s date to the card's last valid day (negative once expired). */
export function daysUntilCardExpiry(card: CardExpiry, now: Date): number {
  assertInteger(card.expMonth, "expMonth", 1);
  if (card.expMonth > 12) throw new RangeError(`expMonth must be 1–12, got ${card.expMonth}`);
  assertInteger(card.expYear, "expYear", 1000); // four digits; Date.UTC reads 0–99 as 19xx
  // Day 0 of the following month is the last day of the expiry month: cards work through it.
  const lastValidDay = Date.UTC(card.expYear, card.expMonth, 0);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return (lastValidDay - today) / DAY_MS;
}

function cardSignal(card: CardExpiry, now: Date): RiskSignal | null {
  const days = daysUntilCardExpiry(card, now);
  if (days > CARD_EXPIRING_WITHIN_DAYS) return null;
  const name = card.last4 ? `Card ending ${card.last4}` : "The default card";
  const date = new Date(Date.UTC(card.expYear, card.expMonth, 0)).toISOString().slice(0, 10);
  if (days < 0) {
    return { code: "card_expired", weight: RISK_WEIGHTS.card_expired, message: `${name} expired on ${date}` };
  }
  const when = days === 0 ? "today" : `in ${plural(days, "day", "days")}`;
  return {
    code: "card_expiring",
    weight: RISK_WEIGHTS.card_expiring,
    message: `${name} expires on ${date} (${when})`,
  };
}

function paymentMethodSignal(input: RiskInput): RiskSignal | null {
  const method = input.defaultPaymentMethod;
  if (method === null) {
    return {
      code: "no_payment_method",
      weight: RISK_WEIGHTS.no_payment_method,
      message: "No default payment method on file",
    };
  }
  // Non-card methods (e.g. SEPA debit) have no expiry date to watch.
  return method.card ? cardSignal(method.card, input.now) : null;
}

function failedChargesSignal({ failedChargesLast90Days: count }: RiskInput): RiskSignal | null {
  if (count === 0) return null;
  return {
    code: "charge_failed",
    weight: RISK_WEIGHTS.charge_failed * Math.min(count, MAX_WEIGHTED_FAILED_CHARGES),
    message: `${plural(count, "charge", "charges")} failed in the last 90 days`,
  };
}

function disputedChargesSignal({ disputedChargesLast90Days: count }: RiskInput): RiskSignal | null {
  if (count === 0) return null;
  const verb = count === 1 ? "was" : "were";
  return {
    code: "charge_disputed",
    weight: RISK_WEIGHTS.charge_disputed,
    message: `${plural(count, "charge", "charges")} ${verb} disputed in the last 90 days`,
  };
}

function pastDueSignal({ pastDueSubscriptions: count }: RiskInput): RiskSignal | null {
  if (count === 0) return null;
  const verb = count === 1 ? "is" : "are";
  return {
    code: "past_due",
    weight: RISK_WEIGHTS.past_due,
    message: `${plural(count, "subscription", "subscriptions")} ${verb} past due`,
  };
}

/**
 * The open invoices whose due date has passed (strictly: on the due instant itself it is not yet
 * overdue), oldest due first. Paid, void and uncollectible invoices are settled: never overdue.
 */
export function overdueInvoices(invoices: readonly InvoiceDue[], now: Date): InvoiceDue[] {
  return invoices
    .filter((invoice) => invoice.status === "open" && invoice.dueDate !== null && invoice.dueDate < now)
    .sort((a, b) => (a.dueDate?.getTime() ?? 0) - (b.dueDate?.getTime() ?? 0) || (a.id < b.id ? -1 : 1));
}

function invoiceOverdueSignal({ invoices, now }: RiskInput): RiskSignal | null {
  const overdue = overdueInvoices(invoices, now);
  const oldest = overdue[0]?.dueDate;
  if (!oldest) return null;
  const day = oldest.toISOString().slice(0, 10);
  return {
    code: "invoice_overdue",
    weight: RISK_WEIGHTS.invoice_overdue,
    message:
      overdue.length === 1
        ? `1 invoice is overdue (due on ${day})`
        : `${overdue.length} invoices are overdue, the oldest due on ${day}`,
  };
}

function mrrDecreasedSignal({ mrrNow, mrr30DaysAgo, currency }: RiskInput): RiskSignal | null {
  if (mrr30DaysAgo === null || mrrNow >= mrr30DaysAgo) return null;
  const percent = Number(divideRoundingHalfUp(BigInt(mrr30DaysAgo - mrrNow) * 100n, BigInt(mrr30DaysAgo)));
  const from = formatMoney(mrr30DaysAgo, currency);
  const to = formatMoney(mrrNow, currency);
  return {
    code: "mrr_decreased",
    weight: RISK_WEIGHTS.mrr_decreased,
    message: `MRR fell from ${from} to ${to} over the last 30 days (${percent < 1 ? "under 1" : percent}% down)`,
  };
}

/** In a fixed order, so the same facts always produce the same list. */
const SIGNAL_RULES = [
  paymentMethodSignal,
  failedChargesSignal,
  disputedChargesSignal,
  pastDueSignal,
  invoiceOverdueSignal,
  mrrDecreasedSignal,
];

export function riskLevel(score: number): RiskLevel {
  if (score >= RISK_LEVEL_THRESHOLDS.high) return "high";
  if (score >= RISK_LEVEL_THRESHOLDS.medium) return "medium";
  return "low";
}

export function assessRisk(input: RiskInput): RiskAssessment {
  if (Number.isNaN(input.now.getTime())) throw new RangeError("now must be a valid Date");
  assertInteger(input.failedChargesLast90Days, "failedChargesLast90Days");
  assertInteger(input.disputedChargesLast90Days, "disputedChargesLast90Days");
  assertInteger(input.pastDueSubscriptions, "pastDueSubscriptions");
  assertInteger(input.mrrNow, "mrrNow");
  if (input.mrr30DaysAgo !== null) assertInteger(input.mrr30DaysAgo, "mrr30DaysAgo");
  for (const invoice of input.invoices) {
    if (invoice.dueDate && Number.isNaN(invoice.dueDate.getTime()))
      throw new RangeError(`invoice ${invoice.id} has an invalid due date`);
  }

  const signals = SIGNAL_RULES.flatMap((rule) => rule(input) ?? []);
  const score = Math.min(
    MAX_RISK_SCORE,
    signals.reduce((sum, signal) => sum + signal.weight, 0),
  );
  return { score, level: riskLevel(score), signals };
}

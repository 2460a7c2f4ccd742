// The shapes the metric functions take and return. Plain data only: callers map Prisma rows or
// Stripe objects onto these, so the metrics stay pure and testable without a database.

/** Stripe's subscription statuses, verbatim, so a Stripe object maps across without translation. */
export const SUBSCRIPTION_STATUSES = [
  "incomplete",
  "incomplete_expired",
  "trialing",
  "active",
  "past_due",
  "canceled",
  "unpaid",
  "paused",
] as const;

export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

export interface RevenueSubscription {
  status: SubscriptionStatus;
  /** ISO 4217, e.g. "USD". Compared upper-cased, so "usd" from Stripe groups with "USD". */
  currency: string;
  /** Integer minor units charged per unit per billing interval. */
  unitAmount: number;
  /** Integer >= 0 (Stripe allows 0 on an item; it simply contributes nothing). */
  quantity: number;
  interval: "month" | "year";
  /** Bill every N intervals, e.g. 3 with "month" is quarterly. Integer >= 1, default 1. */
  intervalCount?: number;
  /**
   * Percent discount 0–100 with at most two decimals, exactly like Stripe's `coupon.percent_off`
   * (e.g. 33.33). Converted to integer basis points before any arithmetic.
   */
  percentOff?: number | null;
  /** Fixed discount in integer minor units per billing interval (not per unit), same currency. */
  amountOff?: number | null;
  /** Still counts toward MRR until the period ends and the status becomes `canceled`. */
  cancelAtPeriodEnd?: boolean;
}

/** Per-currency MRR in integer minor units, keyed by upper-case ISO 4217 code. */
export type MrrByCurrency = Record<string, number>;

export type MovementType = "new" | "reactivation" | "expansion" | "contraction" | "churn";

/** One customer's MRR in one currency at the start and the end of a period. */
export interface MrrChange {
  customerId: string;
  currency: string;
  startMrr: number;
  endMrr: number;
  /** Whether the customer had MRR in this currency at any time before the period started. */
  hadMrrBeforeStart: boolean;
}

export interface Movement {
  customerId: string;
  currency: string;
  type: MovementType;
  /** endMrr − startMrr: positive for new/reactivation/expansion, negative for contraction/churn. */
  delta: number;
}

export interface MovementTotal {
  count: number;
  /** Always a positive magnitude; the sign is implied by the type (see `netNewMrr`). */
  amount: number;
}

export interface CurrencyMovementSummary {
  currency: string;
  startMrr: number;
  endMrr: number;
  byType: Record<MovementType, MovementTotal>;
  /** new + reactivation + expansion − contraction − churn; always equals endMrr − startMrr. */
  netNewMrr: number;
}

export interface CardExpiry {
  /** Shown in messages when known, e.g. "4242". */
  last4?: string | null;
  /** 1–12. A card is valid through the last day of this month. */
  expMonth: number;
  expYear: number;
}

export interface RiskInput {
  now: Date;
  /** null: the customer has no default payment method. `card` is null for non-card methods. */
  defaultPaymentMethod: { card: CardExpiry | null } | null;
  /** Counted by the caller over its own 90-day window, so the window rule lives in one query. */
  failedChargesLast90Days: number;
  disputedChargesLast90Days: number;
  pastDueSubscriptions: number;
  /** The currency both MRR figures are in; used only to format messages. */
  currency: string;
  mrrNow: number;
  /** null when there is no history 30 days back (e.g. a new customer): no comparison is made. */
  mrr30DaysAgo: number | null;
  /**
   * The customer's invoices that have a due date (Stripe sets one on invoices sent for payment,
   * `collection_method=send_invoice`). Only the open ones past their due date count.
   */
  invoices: readonly InvoiceDue[];
}

export interface InvoiceDue {
  id: string;
  /** Stripe's status: draft, open, paid, void, uncollectible. */
  status: string;
  dueDate: Date | null;
}

/** Every risk signal, in the order assessRisk lists them (the API's enum). */
export const RISK_SIGNAL_CODES = [
  "no_payment_method",
  "card_expired",
  "card_expiring",
  "charge_failed",
  "charge_disputed",
  "past_due",
  "invoice_overdue",
  "mrr_decreased",
] as const;

export type RiskSignalCode = (typeof RISK_SIGNAL_CODES)[number];

export interface RiskSignal {
  code: RiskSignalCode;
  message: string;
  weight: number;
}

export type RiskLevel = "low" | "medium" | "high";

export interface RiskAssessment {
  /** Sum of signal weights, capped at 100. */
  score: number;
  level: RiskLevel;
  signals: RiskSignal[];
}

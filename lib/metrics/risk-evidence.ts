// Which records a risk signal is about (the card, the charges, the subscriptions), so a reader
// can go from "charge failed" to the charges. The shape is general ({type, id}): each signal
// points at the kind of record it is about.
import type { RiskSignal, RiskSignalCode } from "./types";

export type EvidenceType = "payment_method" | "charge" | "subscription" | "invoice";

export interface Evidence {
  type: EvidenceType;
  id: string;
}

export interface EvidenceFacts {
  /** The default payment method's id, null without one. */
  paymentMethodId: string | null;
  /** The failed charges of the risk window, newest first. */
  failedChargeIds: readonly string[];
  disputedChargeIds: readonly string[];
  pastDueSubscriptionIds: readonly string[];
  /** The subscriptions whose changes lowered the MRR over the comparison window. */
  contractedSubscriptionIds: readonly string[];
  /** The open invoices past their due date, oldest due first (overdueInvoices). */
  overdueInvoiceIds: readonly string[];
}

const ids = (type: EvidenceType, list: readonly string[]): Evidence[] => list.map((id) => ({ type, id }));

function evidenceOf(code: RiskSignalCode, facts: EvidenceFacts): Evidence[] {
  switch (code) {
    case "no_payment_method":
      return [];
    case "card_expired":
    case "card_expiring":
      return facts.paymentMethodId ? [{ type: "payment_method", id: facts.paymentMethodId }] : [];
    case "charge_failed":
      return ids("charge", facts.failedChargeIds);
    case "charge_disputed":
      return ids("charge", facts.disputedChargeIds);
    case "past_due":
      return ids("subscription", facts.pastDueSubscriptionIds);
    case "invoice_overdue":
      return ids("invoice", facts.overdueInvoiceIds);
    case "mrr_decreased":
      return ids("subscription", facts.contractedSubscriptionIds);
  }
}

/** The signals, each with the records it is about. */
export function withEvidence(
  signals: readonly RiskSignal[],
  facts: EvidenceFacts,
): (RiskSignal & { evidence: Evidence[] })[] {
  return signals.map((signal) => ({ ...signal, evidence: evidenceOf(signal.code, facts) }));
}

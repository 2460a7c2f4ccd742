import type { InvoiceFields } from "./map-stripe-invoice";

export type InvoiceEventType = "invoice.finalized" | "invoice.paid" | "invoice.payment_failed";

/**
 * What a change of our copy announces, from the state before (none when first seen) to the
 * state after. Each is a change of state, so a duplicate or reordered delivery, which re-fetches
 * and finds the same state, announces nothing again: finalized once it leaves draft, paid once
 * it is paid, payment_failed for each new failed attempt (Stripe's attempt_count rising while
 * the invoice stays unpaid).
 */
export function invoiceAnnouncements(
  before: Pick<InvoiceFields, "status" | "attemptCount"> | null,
  after: Pick<InvoiceFields, "status" | "attemptCount">,
): InvoiceEventType[] {
  const types: InvoiceEventType[] = [];
  const wasDraft = before === null || before.status === "draft";
  if (wasDraft && after.status !== "draft") types.push("invoice.finalized");
  if (after.status === "paid" && before?.status !== "paid") types.push("invoice.paid");
  if (after.status !== "paid" && after.attemptCount > (before?.attemptCount ?? 0))
    types.push("invoice.payment_failed");
  return types;
}

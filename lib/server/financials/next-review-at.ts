import {
  CARD_EXPIRING_WITHIN_DAYS,
  type CardExpiry,
  type InvoiceDue,
  type MrrChangeRow,
} from "../../metrics";
import { RISK_WINDOW_DAYS } from "../metrics/load-customer-metric-facts";

const DAY_MS = 86_400_000;
const MRR_COMPARISON_DAYS = 30;

/** The card's last valid day (UTC midnight): cards work through the end of their expiry month. */
export function cardLastValidDay(card: CardExpiry): Date {
  return new Date(Date.UTC(card.expYear, card.expMonth, 0));
}

/**
 * The next instant at which time alone changes a customer's figures, or null when nothing will:
 * - the default card: 30 days before its last valid day it becomes "expiring" (and while it is,
 *   its message counts the days down, so it is reviewed every UTC midnight), the day after it
 *   becomes "expired";
 * - the oldest failed or disputed charge of the 90-day window leaving it (the window is
 *   `created_at >= now - 90 days`, so the first instant it no longer holds);
 * - the oldest MRR change of the last 30 days becoming "30 days ago" (mrrAt reads changes at or
 *   before that instant), which moves the mrr_decreased comparison;
 * - the earliest open invoice's due date passing: it is overdue from the instant after it
 *   (overdueInvoices reads `due date < now`), with nothing else happening.
 * Every candidate lies strictly after `now`, so a review always moves a customer forward.
 */
export function nextReviewAt({
  now,
  card,
  oldestRiskChargeAt,
  mrrChanges,
  invoices,
}: {
  now: Date;
  card: CardExpiry | null;
  oldestRiskChargeAt: Date | null;
  /** The primary currency's change rows (the only ones the comparison reads). */
  mrrChanges: readonly MrrChangeRow[];
  /** The open invoices with a due date (the overdue ones are already counted: only later ones move). */
  invoices: readonly InvoiceDue[];
}): Date | null {
  const at = now.getTime();
  const candidates: number[] = [];
  if (card) {
    const lastDay = cardLastValidDay(card).getTime();
    const expiringFrom = lastDay - CARD_EXPIRING_WITHIN_DAYS * DAY_MS;
    const expiredFrom = lastDay + DAY_MS;
    if (at < expiringFrom) candidates.push(expiringFrom);
    else if (at < expiredFrom) candidates.push(Math.floor(at / DAY_MS) * DAY_MS + DAY_MS);
  }
  if (oldestRiskChargeAt) candidates.push(oldestRiskChargeAt.getTime() + RISK_WINDOW_DAYS * DAY_MS + 1);
  const monthAgo = at - MRR_COMPARISON_DAYS * DAY_MS;
  for (const change of mrrChanges) {
    const changedAt = change.effectiveAt.getTime();
    if (changedAt > monthAgo) candidates.push(changedAt + MRR_COMPARISON_DAYS * DAY_MS);
  }
  for (const invoice of invoices) {
    if (invoice.status === "open" && invoice.dueDate) candidates.push(invoice.dueDate.getTime() + 1);
  }
  const next = candidates.filter((candidate) => candidate > at);
  return next.length > 0 ? new Date(Math.min(...next)) : null;
}

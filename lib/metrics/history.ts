// MRR history from change rows: a customer's MRR in a currency is that of its last change at or
// before an instant, and 0 before its first one. Pure, so the daily series and the
// "30 days ago" figure can be tested without a database.

export interface MrrChangeRow {
  /** When the new MRR took effect. */
  effectiveAt: Date;
  /** Integer minor units, >= 0. */
  mrr: number;
}

const DAY_MS = 86_400_000;

/** The MRR at `instant`, or null when no change is at or before it (no history yet). */
export function mrrAt(rows: readonly MrrChangeRow[], instant: Date): number | null {
  let value: number | null = null;
  let latest = Number.NEGATIVE_INFINITY;
  for (const row of rows) {
    const at = row.effectiveAt.getTime();
    if (at <= instant.getTime() && at >= latest) {
      latest = at;
      value = row.mrr;
    }
  }
  return value;
}

/**
 * One point per UTC day, oldest first, ending with `now`'s day: the MRR at the end of that day
 * (for today: now). Days before the first change are 0.
 */
export function dailyMrrHistory(
  rows: readonly MrrChangeRow[],
  { now, days }: { now: Date; days: number },
): { date: string; mrr: number }[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const sorted = [...rows].sort((a, b) => a.effectiveAt.getTime() - b.effectiveAt.getTime());
  const points: { date: string; mrr: number }[] = [];
  let index = 0;
  let mrr = 0;
  for (let offset = days - 1; offset >= 0; offset -= 1) {
    const dayStart = today - offset * DAY_MS;
    const cutoff = offset === 0 ? now.getTime() : dayStart + DAY_MS - 1;
    while (index < sorted.length && (sorted[index]?.effectiveAt.getTime() ?? 0) <= cutoff) {
      mrr = sorted[index]?.mrr ?? mrr;
      index += 1;
    }
    points.push({ date: new Date(dayStart).toISOString().slice(0, 10), mrr });
  }
  return points;
}

/**
 * The currency a customer's headline figures are in: the one with the most MRR now; on a tie
 * (including no MRR at all) the currency of the most recently created subscription. null when
 * the customer has no subscription.
 */
export function primaryCurrency(
  currencies: readonly { currency: string; mrr: number; latestSubscriptionId: string }[],
): string | null {
  const best = [...currencies].sort(
    (a, b) => b.mrr - a.mrr || (a.latestSubscriptionId < b.latestSubscriptionId ? 1 : -1),
  )[0];
  return best?.currency ?? null;
}

/**
 * A card is valid through the last day of its expiry month. "expiring" is the risk signal's
 * window (within 30 days, contract §5), "expired" once that day has passed.
 */
export function cardState(
  card: { exp_month: number; exp_year: number },
  now = new Date(),
): "valid" | "expiring" | "expired" {
  const lastValidDay = Date.UTC(card.exp_year, card.exp_month, 0);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  if (lastValidDay < today) return "expired";
  return lastValidDay - today <= 30 * 86_400_000 ? "expiring" : "valid";
}

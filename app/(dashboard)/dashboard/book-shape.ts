import type { AtRiskCustomer, BookCurrencyMetrics, BookMetrics } from "@/lib/queries/billing";

// GET /metrics.json is built by the billing work; CONTRACT.md only says "one entry per
// currency, with customer counts by status". These readers accept the plausible spellings so
// the dashboard shows what is there instead of breaking on a renamed field.

export function currenciesOf(book: BookMetrics): BookCurrencyMetrics[] {
  return book.data ?? book.currencies ?? (Array.isArray(book.mrr) ? (book.mrr as BookCurrencyMetrics[]) : []);
}

export function statusCountsOf(book: BookMetrics): Record<string, number> {
  const counts =
    book.customer_counts ??
    book.customers?.by_status ??
    (book.counts as Record<string, number> | undefined) ??
    book.customers;
  return Object.fromEntries(
    Object.entries(counts ?? {}).filter((entry): entry is [string, number] => typeof entry[1] === "number"),
  );
}

export function atRiskOf(book: BookMetrics): AtRiskCustomer[] {
  return book.at_risk ?? book.customers_at_risk ?? [];
}

/** A movement is either a plain amount or `{count, amount}`. */
export function movementsOf(
  currency: BookCurrencyMetrics,
): { type: string; count?: number; amount: number }[] {
  const raw = currency.movements ?? {};
  const source = (raw as { byType?: Record<string, unknown> }).byType ?? raw;
  return Object.entries(source).flatMap(([type, value]) => {
    if (typeof value === "number") return [{ type, amount: value }];
    if (value && typeof value === "object" && typeof (value as { amount?: unknown }).amount === "number") {
      const movement = value as { count?: number; amount: number };
      return [{ type, count: movement.count, amount: movement.amount }];
    }
    return [];
  });
}

import { queryDatabase } from "./api-database";

export interface KeptFigures {
  riskLevel?: "low" | "medium" | "high";
  riskScore?: number;
  hasPaymentMethod?: boolean;
  /** The default card's last valid day, `YYYY-MM-DD`. */
  cardExpiresOn?: string | null;
  mrr?: Record<string, number>;
}

/**
 * Writes a customer's kept figures (customer_financials, customer_mrr) straight into the
 * database, as the kept-financials refresh would: the list's filters read only those tables, so
 * their specs can set any mix of risk, card and MRR without driving Stripe through each.
 */
export async function keepFigures(customerId: string, figures: KeptFigures): Promise<void> {
  await queryDatabase(
    `insert into customer_financials (customer_id, risk_level, risk_score, has_payment_method, card_expires_on, updated_at)
     values ($1, $2, $3, $4, $5::date, now())
     on conflict (customer_id) do update set risk_level = excluded.risk_level, risk_score = excluded.risk_score,
       has_payment_method = excluded.has_payment_method, card_expires_on = excluded.card_expires_on, updated_at = now()`,
    [
      customerId,
      figures.riskLevel ?? "low",
      figures.riskScore ?? 0,
      figures.hasPaymentMethod ?? false,
      figures.cardExpiresOn ?? null,
    ],
  );
  await queryDatabase("update customer_mrr set risk_level = $2 where customer_id = $1", [
    customerId,
    figures.riskLevel ?? "low",
  ]);
  for (const [currency, mrr] of Object.entries(figures.mrr ?? {})) {
    await queryDatabase(
      // Each MRR row keeps the customer's risk level, as the refresh writes it.
      `insert into customer_mrr (customer_id, currency, mrr, risk_level) values ($1, $2, $3, $4)
       on conflict (customer_id, currency) do update set mrr = excluded.mrr, risk_level = excluded.risk_level`,
      [customerId, currency, mrr, figures.riskLevel ?? "low"],
    );
  }
}

/** `days` from today (UTC) as `YYYY-MM-DD`. */
export const dayFromToday = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

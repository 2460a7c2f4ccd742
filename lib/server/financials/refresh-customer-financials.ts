import type { Tx } from "../../db";
import type { RiskLevel } from "../../metrics";
import { type CustomerFigures, customerFiguresOf } from "../metrics/customer-figures";
import { loadCustomerMetricFacts } from "../metrics/load-customer-metric-facts";
import { billedCurrencies } from "./billed-currencies";
import { keepRiskChanges } from "./keep-risk-changes";
import { cardLastValidDay, nextReviewAt } from "./next-review-at";

/**
 * Recomputes one customer's kept figures (customer_financials and customer_mrr) from the facts,
 * inside the caller's transaction, so the figures commit or roll back with the change that moved
 * them. The customer's row is locked first: every change of a customer takes that lock before
 * its own rows, so concurrent changes serialise and the last one's recompute sees all the
 * others. The signals' periods and the customer.risk_changed event are kept with them
 * (keep-risk-changes.ts). Returns the figures, or null when the customer does not exist.
 */
export async function refreshCustomerFinancials(
  tx: Tx,
  customerId: string,
  now: Date = new Date(),
): Promise<CustomerFigures | null> {
  await tx.$executeRaw`select 1 from customers where id = ${customerId} for update`;
  const [kept] = await tx.$queryRaw<{ level: RiskLevel }[]>`
    select risk_level as level from customer_financials where customer_id = ${customerId}`;
  const facts = await loadCustomerMetricFacts({ customerId, now, client: tx });
  if (!facts.customer) return null;
  const figures = customerFiguresOf(facts, now);
  const currencies = billedCurrencies(facts.subscriptions, figures.byCurrency);
  const reviewAt = nextReviewAt({
    now,
    card: figures.card,
    oldestRiskChargeAt: facts.oldestRiskChargeAt,
    mrrChanges: figures.changes,
    invoices: facts.invoices,
  });
  const cardExpiresOn = figures.card ? cardLastValidDay(figures.card).toISOString().slice(0, 10) : null;
  // One statement: the customer's row, its currencies' rows (with its risk level, which the list's
  // risk_level&currency filter reads there: customer-selection.ts), and the currencies it no longer bills.
  await tx.$executeRaw`
    with financials as (
      insert into customer_financials (customer_id, primary_currency, risk_score, risk_level, risk_signals,
        has_payment_method, card_expires_on, review_at, updated_at)
      values (${customerId}, ${figures.currency}, ${figures.risk.score}, ${figures.risk.level},
        ${JSON.stringify(figures.risk.signals)}::jsonb, ${figures.card !== null}, ${cardExpiresOn}::date,
        ${reviewAt}, ${now})
      on conflict (customer_id) do update set primary_currency = excluded.primary_currency,
        risk_score = excluded.risk_score, risk_level = excluded.risk_level, risk_signals = excluded.risk_signals,
        has_payment_method = excluded.has_payment_method, card_expires_on = excluded.card_expires_on,
        review_at = excluded.review_at, updated_at = excluded.updated_at
    ), gone as (
      delete from customer_mrr where customer_id = ${customerId} and currency <> all(${currencies}::text[])
    )
    insert into customer_mrr (customer_id, currency, mrr, risk_level)
    select ${customerId}, currency, mrr, ${figures.risk.level}
    from unnest(${currencies}::text[], ${currencies.map((code) => figures.byCurrency[code] ?? 0)}::bigint[])
      as billed(currency, mrr)
    on conflict (customer_id, currency) do update set mrr = excluded.mrr, risk_level = excluded.risk_level`;
  await keepRiskChanges(tx, { customerId, figures, previousLevel: kept?.level ?? null, now });
  return figures;
}

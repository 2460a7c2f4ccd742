import { Prisma } from "../../generated/prisma/client";
import type { Evidence, RiskLevel, RiskSignal } from "../../metrics";
import { reportQuery } from "./report-query";

/**
 * The N riskiest customers of the book, read from their kept figures (customer_financials, kept
 * in the transaction of every change and by the review job for what time moves:
 * lib/server/financials): the risk score index gives the top N without scoring anyone, and the
 * signals, primary currency and its MRR are as `getCustomerMetrics` computes them (with their evidence). A score of 0
 * is never listed; deleted customers are left out.
 */
export async function listCustomersAtRisk({ limit }: { limit: number }) {
  const rows = await reportQuery<{
    customer_id: string;
    external_id: string;
    company_name: string | null;
    email: string;
    level: RiskLevel;
    score: number;
    signals: (RiskSignal & { evidence?: Evidence[] })[];
    currency: string | null;
    mrr: bigint | null;
  }>(Prisma.sql`
    select f.customer_id, c.external_id, c.company_name, c.email, f.risk_level as level, f.risk_score as score,
      f.risk_signals as signals, f.primary_currency as currency, m.mrr
    from customer_financials f
    join customers c on c.id = f.customer_id
    left join customer_mrr m on m.customer_id = f.customer_id and m.currency = f.primary_currency
    where f.risk_score > 0 and c.status <> 'deleted'
    order by f.risk_score desc, f.customer_id desc
    limit ${limit}`);
  // Rows kept before signals carried evidence get it at their next refresh (the migration
  // scheduled a review of each); until then their signals point at nothing.
  return rows.map((row) => ({
    ...row,
    signals: row.signals.map((signal) => ({ ...signal, evidence: signal.evidence ?? [] })),
    mrr: Number(row.mrr ?? 0n),
  }));
}

import { db, type Tx } from "../../db";
import type { SubscriptionChange } from "../../metrics";
import { MRR_INPUT_COLUMNS } from "./mrr-input";

const DAY_MS = 86_400_000;
export const HISTORY_DAYS = 90;
export const RISK_WINDOW_DAYS = 90;

/**
 * Everything one customer's metrics are computed from, read in parallel: the default card,
 * the subscriptions, the failed and disputed charges of the risk window (counts and ids), the MRR change rows
 * of the history window (and when the oldest of those charges was made) plus the last row before it per currency (the starting value),
 * and the open invoices that have a due date (overdue already, or becoming so when it passes).
 */
export async function loadCustomerMetricFacts({
  customerId,
  now,
  client = db(),
}: {
  customerId: string;
  now: Date;
  /** The report connections, or the transaction that keeps the customer's figures. */
  client?: Tx;
}) {
  const historyStart = new Date(now.getTime() - HISTORY_DAYS * DAY_MS);
  const riskStart = new Date(now.getTime() - RISK_WINDOW_DAYS * DAY_MS);
  const [customer, subscriptions, charges, recentChanges, earlierChanges, invoices] = await Promise.all([
    client.customer.findUnique({
      where: { id: customerId },
      select: {
        id: true,
        status: true,
        defaultPaymentMethod: { select: { id: true, last4: true, expMonth: true, expYear: true } },
      },
    }),
    client.subscription.findMany({
      where: { customerId },
      select: { id: true, description: true, ...MRR_INPUT_COLUMNS, cancelAtPeriodEnd: true },
      orderBy: { id: "desc" },
    }),
    client.$queryRaw<
      { failed: number; disputed: number; oldest: Date | null; failedIds: string[]; disputedIds: string[] }[]
    >`
      select count(*) filter (where status = 'failed')::int as failed,
             count(*) filter (where disputed)::int as disputed,
             coalesce(array_agg(id order by id desc) filter (where status = 'failed'), '{}') as "failedIds",
             coalesce(array_agg(id order by id desc) filter (where disputed), '{}') as "disputedIds",
             min(created_at) filter (where status = 'failed' or disputed) as oldest
      from charges where customer_id = ${customerId} and created_at >= ${riskStart}`,
    client.mrrSnapshot.findMany({
      where: { customerId, effectiveAt: { gte: historyStart } },
      select: { currency: true, mrr: true, effectiveAt: true, movement: true, changes: true },
    }),
    client.$queryRaw<{ currency: string; mrr: bigint; effectiveAt: Date }[]>`
      select distinct on (currency) currency, mrr, effective_at as "effectiveAt"
      from mrr_snapshots where customer_id = ${customerId} and effective_at < ${historyStart}
      order by currency, effective_at desc, id desc`,
    client.invoice.findMany({
      where: { customerId, status: "open", dueDate: { not: null } },
      select: { id: true, status: true, dueDate: true },
      orderBy: [{ dueDate: "asc" }, { id: "asc" }],
    }),
  ]);
  return {
    customer,
    subscriptions,
    failedCharges: charges[0]?.failed ?? 0,
    disputedCharges: charges[0]?.disputed ?? 0,
    failedChargeIds: charges[0]?.failedIds ?? [],
    disputedChargeIds: charges[0]?.disputedIds ?? [],
    /** When the oldest failed or disputed charge of the window was made: it leaves 90 days later. */
    oldestRiskChargeAt: charges[0]?.oldest ?? null,
    invoices,
    mrrChanges: [...earlierChanges, ...recentChanges].map((row) => ({
      currency: row.currency,
      effectiveAt: row.effectiveAt,
      mrr: Number(row.mrr),
      movement: "movement" in row ? row.movement : null,
      changes: "changes" in row ? (row.changes as unknown as SubscriptionChange[]) : [],
    })),
  };
}

export type CustomerMetricFacts = Awaited<ReturnType<typeof loadCustomerMetricFacts>>;

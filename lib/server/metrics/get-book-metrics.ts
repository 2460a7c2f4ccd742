import { reportDb } from "../../db";
import { Prisma } from "../../generated/prisma/client";
import { yrrFromMrr } from "../../metrics";
import { listCustomersAtRisk } from "./list-customers-at-risk";
import { reportQuery } from "./report-query";
import { summariseBookMovements } from "./summarise-book-movements";

const DAY_MS = 86_400_000;

/**
 * The whole book: MRR/YRR per currency (summed from each customer's kept MRR, customer_mrr),
 * customer counts by status, MRR movements over [from, to] (UTC dates, both included; default
 * the last 30 days; the event rule of lib/metrics, from the kept days) and the riskiest customers (from their kept risk, customer_financials).
 */
export async function getBookMetrics({
  from,
  to,
  atRiskLimit,
  now = new Date(),
}: {
  from?: string;
  to?: string;
  atRiskLimit: number;
  now?: Date;
}) {
  const today = now.toISOString().slice(0, 10);
  const toDate = to ?? today;
  const fromDate = from ?? new Date(Date.parse(toDate) - 29 * DAY_MS).toISOString().slice(0, 10);
  const [totals, statusCounts, movements, atRisk] = await Promise.all([
    reportQuery<{ currency: string; mrr: bigint; customers: bigint; subscriptions: bigint }>(Prisma.sql`
      with live as (
        select currency, count(*) as subscriptions from subscriptions
        where status in ('active', 'past_due') group by currency
      ), paying as (
        -- A customer pays in a currency when a live subscription counts there: any MRR above 0,
        -- and, for the few rows at 0 (a trial, or a subscription worth under half a unit a
        -- month), a live subscription in it.
        select m.currency, sum(m.mrr)::bigint as mrr, count(*) as customers from customer_mrr m
        where case when m.mrr > 0 then true else exists (
          select 1 from subscriptions s where s.customer_id = m.customer_id and s.currency = m.currency
            and s.status in ('active', 'past_due')) end
        group by m.currency
      )
      select live.currency, coalesce(paying.mrr, 0)::bigint as mrr, coalesce(paying.customers, 0) as customers,
        live.subscriptions
      from live left join paying on paying.currency = live.currency order by live.currency`),
    reportDb().customer.groupBy({ by: ["status"], _count: { _all: true } }),
    summariseBookMovements({ from: fromDate, to: toDate }),
    listCustomersAtRisk({ limit: atRiskLimit }),
  ]);
  const currencies = [...new Set([...totals.map((row) => row.currency), ...Object.keys(movements)])].sort();
  return {
    object: "book_metrics" as const,
    as_of: now.toISOString(),
    currencies: currencies.map((currency) => {
      const total = totals.find((row) => row.currency === currency);
      const mrr = Number(total?.mrr ?? 0n);
      const moved = movements[currency];
      return {
        currency,
        mrr,
        yrr: yrrFromMrr(mrr),
        paying_customers: Number(total?.customers ?? 0n),
        live_subscriptions: Number(total?.subscriptions ?? 0n),
        movements: {
          new: moved?.byType.new ?? { count: 0, amount: 0 },
          expansion: moved?.byType.expansion ?? { count: 0, amount: 0 },
          contraction: moved?.byType.contraction ?? { count: 0, amount: 0 },
          churn: moved?.byType.churn ?? { count: 0, amount: 0 },
          reactivation: moved?.byType.reactivation ?? { count: 0, amount: 0 },
          net_new_mrr: moved?.netNewMrr ?? 0,
        },
      };
    }),
    customer_counts: {
      active: 0,
      suspended: 0,
      deleted: 0,
      ...Object.fromEntries(statusCounts.map((row) => [row.status, row._count._all])),
    },
    movements_period: { from: fromDate, to: toDate },
    at_risk: atRisk,
  };
}

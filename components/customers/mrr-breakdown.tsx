"use client";

import { useQuery } from "@tanstack/react-query";
import { QueryState } from "@/components/ui/query-state";
import { Section } from "@/components/ui/section";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatMoney } from "@/lib/format/money";
import { customerMetricsQuery } from "@/lib/queries/billing";
import type { BreakdownLine, CustomerMetrics } from "@/lib/queries/types";

const cell = "px-3 py-1.5 align-top";
const number = `${cell} text-right tabular-nums whitespace-nowrap`;

const REASONS: Record<string, string> = {
  trialing: "trialing: counts once the trial ends",
  canceled: "canceled",
  unpaid: "unpaid (counted as churn)",
  paused: "paused",
  incomplete: "first payment not made",
  incomplete_expired: "first payment never made",
};

function per({ interval, interval_count: count }: BreakdownLine) {
  return count === 1 ? interval : `${count} ${interval}s`;
}

function discountText(line: BreakdownLine) {
  const { discount, currency } = line;
  if (!discount) return "—";
  const what = discount.percent_off != null ? `${discount.percent_off}% off` : "amount off";
  return `${what}: −${formatMoney(discount.amount, currency)}`;
}

function Line({ line }: { line: BreakdownLine }) {
  const money = (amount: number) => formatMoney(amount, line.currency);
  return (
    <tr data-testid="breakdown-line" className={line.counts ? "" : "text-slate-500"}>
      <th scope="row" className={`${cell} text-left font-normal`}>
        <span className="font-medium text-slate-900">{line.description ?? "(no description)"}</span>{" "}
        <StatusBadge status={line.status} />
        <span className="block font-mono text-xs text-slate-500">{line.subscription_id}</span>
      </th>
      <td className={number}>
        {money(line.unit_amount)} × {line.quantity} = {money(line.period_amount)}
      </td>
      <td className={number}>
        per {per(line)}, ÷ {line.months}
      </td>
      <td className={cell}>{discountText(line)}</td>
      <td className={cell}>
        {line.counts ? "yes" : `no: ${REASONS[line.reason ?? ""] ?? line.reason ?? "does not count"}`}
      </td>
      <td className={number}>
        {money(line.mrr)}
        {line.counts ? null : <span className="sr-only"> (not counted)</span>}
      </td>
    </tr>
  );
}

function CurrencyBreakdown({
  currency,
  lines,
  mrr,
}: {
  currency: string;
  lines: BreakdownLine[];
  mrr: number;
}) {
  const total = lines.filter((line) => line.counts).reduce((sum, line) => sum + line.mrr, 0);
  return (
    <table className="w-full text-sm">
      <caption className="mb-1 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
        {currency} MRR, line by line
      </caption>
      <thead className="bg-slate-50 text-left text-xs text-slate-600">
        <tr>
          <th scope="col" className={cell}>
            Subscription
          </th>
          <th scope="col" className={`${number}`}>
            Amount × quantity
          </th>
          <th scope="col" className={`${number}`}>
            Months
          </th>
          <th scope="col" className={cell}>
            Discount
          </th>
          <th scope="col" className={cell}>
            Counts
          </th>
          <th scope="col" className={number}>
            MRR
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {lines.map((line) => (
          <Line key={line.subscription_id} line={line} />
        ))}
      </tbody>
      <tfoot className="border-t-2 border-slate-300 font-semibold">
        <tr>
          <th scope="row" colSpan={5} className={`${cell} text-left`}>
            Total of the counted lines
            {total === mrr ? "" : ` (the customer's ${currency} MRR is ${formatMoney(mrr, currency)})`}
          </th>
          <td className={number} data-testid={`breakdown-total-${currency}`}>
            {formatMoney(total, currency)}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}

function BreakdownView({ metrics }: { metrics: CustomerMetrics }) {
  if (metrics.breakdown.length === 0)
    return <p className="text-sm text-slate-600">No subscriptions, so no MRR.</p>;
  const currencies = [...new Set(metrics.breakdown.map((line) => line.currency))];
  return (
    <div className="space-y-6 overflow-x-auto">
      {currencies.map((currency) => (
        <CurrencyBreakdown
          key={currency}
          currency={currency}
          lines={metrics.breakdown.filter((line) => line.currency === currency)}
          mrr={metrics.mrr_by_currency[currency] ?? 0}
        />
      ))}
    </div>
  );
}

/** How the customer's MRR is made: one line per subscription, the counted ones summing to the MRR. */
export function MrrBreakdown({ customerId }: { customerId: string }) {
  const metrics = useQuery(customerMetricsQuery(customerId));
  return (
    <Section title="MRR breakdown">
      <QueryState query={metrics} what="the MRR breakdown">
        {(data) => <BreakdownView metrics={data} />}
      </QueryState>
    </Section>
  );
}

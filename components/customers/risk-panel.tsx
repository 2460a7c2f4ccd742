"use client";

import { useQuery } from "@tanstack/react-query";
import { Sparkline } from "@/components/charts/sparkline";
import { QueryState } from "@/components/ui/query-state";
import { Section } from "@/components/ui/section";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatDate, formatDateTime } from "@/lib/format/dates";
import { formatMoney } from "@/lib/format/money";
import { customerMetricsQuery, invoicesQuery } from "@/lib/queries/billing";
import type { CustomerMetrics, Invoice } from "@/lib/queries/types";
import { RiskEvidenceList } from "./risk-evidence";
import { RiskHistory } from "./risk-history";

// The API sends this many days of daily MRR (customerMetricsResponseSchema daily_mrr), oldest first.
const TREND_DAYS = 90;

function trendLabel({ daily_mrr: days, currency }: CustomerMetrics) {
  const first = days[0];
  const last = days.at(-1);
  if (!first || !last) return "";
  return `MRR from ${formatMoney(first.mrr, currency)} on ${formatDate(first.date)} to ${formatMoney(last.mrr, currency)} on ${formatDate(last.date)}`;
}

function MetricsView({ metrics, invoices }: { metrics: CustomerMetrics; invoices: readonly Invoice[] }) {
  return (
    <div className="space-y-4">
      <dl className="grid grid-cols-2 gap-3">
        {(["mrr", "yrr"] as const).map((figure) => (
          <div key={figure} className="rounded-lg bg-slate-50 p-3">
            <dt className="text-xs font-medium text-slate-600">{figure.toUpperCase()}</dt>
            <dd className="text-xl font-semibold" data-testid={figure}>
              {formatMoney(metrics[figure], metrics.currency)}
            </dd>
          </div>
        ))}
      </dl>
      <div>
        <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-600">
          MRR, last {TREND_DAYS} days
        </h3>
        <Sparkline values={metrics.daily_mrr.map((point) => point.mrr)} label={trendLabel(metrics)} />
      </div>
      <div>
        <h3 className="flex items-center gap-2 text-xs font-semibold uppercase tracking-wide text-slate-600">
          Risk <StatusBadge status={metrics.risk.level} />
          <span className="font-normal normal-case" data-testid="risk-score">
            score {metrics.risk.score} / 100
          </span>
        </h3>
        {metrics.risk.signals.length === 0 ? (
          <p className="mt-1 text-sm text-slate-600">No risk signals.</p>
        ) : (
          <ul aria-label="Risk signals" className="mt-1 space-y-1 text-sm">
            {metrics.risk.signals.map((signal) => (
              <li key={signal.code} className="rounded-md bg-amber-50 px-2 py-1 text-amber-900">
                <span className="sr-only">{signal.code}: </span>
                {signal.message}
                {signal.since ? (
                  <span className="block text-xs">since {formatDateTime(signal.since)}</span>
                ) : null}
                <RiskEvidenceList evidence={signal.evidence} invoices={invoices} />
              </li>
            ))}
          </ul>
        )}
      </div>
      <RiskHistory entries={metrics.risk_history} />
    </div>
  );
}

/**
 * MRR, YRR, the 90-day trend, the risk signals (since when, on what evidence) and when each
 * signal appeared and cleared, from /customers/{id}/metrics.json. The invoices are the invoices
 * panel's query (one request for both): an overdue invoice's evidence links to its hosted page.
 */
export function RiskPanel({ customerId }: { customerId: string }) {
  const metrics = useQuery(customerMetricsQuery(customerId));
  const invoices = useQuery(invoicesQuery(customerId));
  return (
    <Section title="Revenue and risk">
      <QueryState query={metrics} what="revenue metrics">
        {(data) => <MetricsView metrics={data} invoices={invoices.data?.data ?? []} />}
      </QueryState>
    </Section>
  );
}

"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { QueryState } from "@/components/ui/query-state";
import { Section } from "@/components/ui/section";
import { StatusBadge } from "@/components/ui/status-badge";
import { customerLabel } from "@/lib/format/customer-label";
import { formatMoney } from "@/lib/format/money";
import { bookMetricsQuery } from "@/lib/queries/billing";
import type { BookCurrency, BookMetrics } from "@/lib/queries/types";

/** Each movement with its amount; all but net_new_mrr (a plain amount) also count customers. */
function Movements({ entry }: { entry: BookCurrency }) {
  return (
    <ul aria-label={`${entry.currency} movements`} className="mt-3 flex flex-wrap gap-2 text-xs">
      {Object.entries(entry.movements).map(([type, movement]) => (
        <li key={type} className="rounded bg-white px-2 py-1 ring-1 ring-slate-200">
          {type}:{" "}
          {typeof movement === "number"
            ? formatMoney(movement, entry.currency)
            : `${formatMoney(movement.amount, entry.currency)} (${movement.count})`}
        </li>
      ))}
    </ul>
  );
}

function BookView({ book }: { book: BookMetrics }) {
  const { currencies, customer_counts: counts, at_risk: atRisk } = book;
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <Section title="Recurring revenue" className="lg:col-span-2">
        {currencies.length === 0 ? (
          <p className="text-sm text-slate-600">No recurring revenue yet.</p>
        ) : (
          <div className="space-y-4">
            {currencies.map((entry) => (
              <div key={entry.currency} className="rounded-lg bg-slate-50 p-4">
                <dl className="flex flex-wrap gap-8">
                  <div>
                    <dt className="text-xs text-slate-600">Currency</dt>
                    <dd className="text-lg font-semibold">{entry.currency}</dd>
                  </div>
                  <div>
                    <dt className="text-xs text-slate-600">MRR</dt>
                    <dd className="text-lg font-semibold">{formatMoney(entry.mrr, entry.currency)}</dd>
                  </div>
                  <div>
                    <dt className="text-xs text-slate-600">YRR</dt>
                    <dd className="text-lg font-semibold">{formatMoney(entry.yrr, entry.currency)}</dd>
                  </div>
                </dl>
                <Movements entry={entry} />
              </div>
            ))}
          </div>
        )}
      </Section>
      <Section title="Customers by status">
        <dl className="grid grid-cols-2 gap-2 text-sm">
          {Object.entries(counts).map(([status, count]) => (
            <div key={status} className="contents">
              <dt>
                <StatusBadge status={status} />
              </dt>
              <dd className="text-right font-semibold">{count.toLocaleString("en-US")}</dd>
            </div>
          ))}
        </dl>
      </Section>
      <Section title="Customers at risk" className="lg:col-span-3">
        {atRisk.length === 0 ? (
          <p className="text-sm text-slate-600">No customer is at risk.</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {atRisk.map((customer) => (
              <li key={customer.customer_id} className="flex items-center justify-between gap-2 py-2">
                <Link href={`/customers/${customer.customer_id}`} className="text-indigo-700 hover:underline">
                  {customerLabel(customer)}
                </Link>
                <span className="flex items-center gap-2">
                  <StatusBadge status={customer.level} />
                  <span className="text-xs text-slate-600">score {customer.score}</span>
                </span>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}

/** The whole book from GET /metrics.json. */
export function BookOverview() {
  const book = useQuery(bookMetricsQuery());
  return (
    <QueryState query={book} what="book metrics">
      {(data) => <BookView book={data} />}
    </QueryState>
  );
}

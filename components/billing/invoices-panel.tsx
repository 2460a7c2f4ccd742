"use client";

import { useQuery } from "@tanstack/react-query";
import { QueryState } from "@/components/ui/query-state";
import { Section } from "@/components/ui/section";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatDate } from "@/lib/format/dates";
import { formatMoney } from "@/lib/format/money";
import { webLink } from "@/lib/format/web-link";
import { invoicesQuery } from "@/lib/queries/billing";
import type { Invoice } from "@/lib/queries/types";

function DocumentLinks({ invoice }: { invoice: Invoice }) {
  const page = webLink(invoice.hosted_invoice_url);
  const pdf = webLink(invoice.invoice_pdf);
  if (!page && !pdf) return null;
  const label = invoice.number ?? invoice.id;
  return (
    <span className="flex gap-3">
      {page ? (
        <a href={page} target="_blank" rel="noopener noreferrer" className="text-indigo-700 hover:underline">
          View<span className="sr-only"> invoice {label}</span>
        </a>
      ) : null}
      {pdf ? (
        <a href={pdf} target="_blank" rel="noopener noreferrer" className="text-indigo-700 hover:underline">
          PDF<span className="sr-only"> of invoice {label}</span>
        </a>
      ) : null}
    </span>
  );
}

/** The customer's invoices (its subscriptions' and its charges'), with tax and their documents. */
export function InvoicesPanel({ customerId }: { customerId: string }) {
  const invoices = useQuery(invoicesQuery(customerId));
  return (
    <Section title="Invoices">
      <QueryState query={invoices} what="invoices">
        {(page) =>
          page.data.length === 0 ? (
            <p className="text-sm text-slate-600">No invoices yet.</p>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm">
              {page.data.map((invoice) => (
                <li key={invoice.id} className="py-2" data-testid="invoice-row">
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <span>
                      <span className="font-medium" data-testid="invoice-total">
                        {formatMoney(invoice.total, invoice.currency)}
                      </span>
                      <span className="ml-2 text-slate-600">{invoice.number ?? "Draft"}</span>
                    </span>
                    <span className="flex items-center gap-3">
                      <DocumentLinks invoice={invoice} />
                      <StatusBadge status={invoice.status} />
                    </span>
                  </div>
                  <div className="text-xs text-slate-600" data-testid="invoice-amounts">
                    {formatMoney(invoice.subtotal, invoice.currency)} + tax{" "}
                    {formatMoney(invoice.tax, invoice.currency)}
                    {invoice.status === "paid"
                      ? ` · paid ${formatMoney(invoice.amount_paid, invoice.currency)}`
                      : invoice.amount_remaining > 0
                        ? ` · ${formatMoney(invoice.amount_remaining, invoice.currency)} due`
                        : ""}
                    {invoice.amount_credited > 0
                      ? ` · credited ${formatMoney(invoice.amount_credited, invoice.currency)}`
                      : ""}
                    {invoice.due_date ? ` · due ${formatDate(invoice.due_date)}` : ""}
                    {` · ${formatDate(invoice.created_at)}`}
                  </div>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </Section>
  );
}

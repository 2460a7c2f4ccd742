"use client";

import { useQuery } from "@tanstack/react-query";
import { QueryState } from "@/components/ui/query-state";
import { Section } from "@/components/ui/section";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatDateTime } from "@/lib/format/dates";
import { formatMoney } from "@/lib/format/money";
import { chargesQuery } from "@/lib/queries/billing";

export function ChargesPanel({ customerId }: { customerId: string }) {
  const charges = useQuery(chargesQuery(customerId));
  return (
    <Section title="Charges">
      <QueryState query={charges} what="charges">
        {(page) =>
          page.data.length === 0 ? (
            <p className="text-sm text-slate-600">No charges yet.</p>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm">
              {page.data.map((charge) => (
                <li key={charge.id} className="py-2">
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <span>
                      <span className="font-medium">{formatMoney(charge.amount, charge.currency)}</span>
                      <span className="ml-2 text-slate-600">{charge.description ?? charge.id}</span>
                    </span>
                    <StatusBadge status={charge.status} />
                  </div>
                  <div className="text-xs text-slate-600">
                    {formatDateTime(charge.created_at)}
                    {charge.failure_message ? ` · ${charge.failure_message}` : ""}
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

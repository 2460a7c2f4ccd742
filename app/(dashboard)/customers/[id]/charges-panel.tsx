"use client";

import { useQuery } from "@tanstack/react-query";
import { ChargeForm } from "@/components/billing/charge-form";
import { RefundForm } from "@/components/billing/refund-form";
import { useOpenForm } from "@/components/billing/use-open-form";
import { useCanWrite } from "@/components/providers/staff-session";
import { Button } from "@/components/ui/button";
import { QueryState } from "@/components/ui/query-state";
import { Section } from "@/components/ui/section";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatDateTime } from "@/lib/format/dates";
import { formatMoney } from "@/lib/format/money";
import { chargesQuery } from "@/lib/queries/billing";
import type { Charge, Customer } from "@/lib/queries/types";

const refundable = (charge: Charge) => charge.status === "succeeded" && charge.amount_refunded < charge.total;

/** The customer's one-time charges; finance and admins charge the card and refund here. */
export function ChargesPanel({ customer }: { customer: Customer }) {
  const charges = useQuery(chargesQuery(customer.id));
  const canWrite = useCanWrite();
  const canCharge = canWrite && customer.status === "active";
  const forms = useOpenForm();
  return (
    <Section
      title="Charges"
      actions={
        canCharge ? (
          <Button variant="primary" onClick={() => forms.toggle("new")}>
            New charge
          </Button>
        ) : null
      }
    >
      {canCharge && forms.isOpen("new") ? <ChargeForm customer={customer} onClose={forms.close} /> : null}
      <QueryState query={charges} what="charges">
        {(page) =>
          page.data.length === 0 ? (
            <p className="text-sm text-slate-600">No charges yet.</p>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm">
              {page.data.map((charge) => (
                <li key={charge.id} className="py-2" data-testid="charge-row">
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <span>
                      <span className="font-medium">{formatMoney(charge.amount, charge.currency)}</span>
                      {charge.tax > 0 ? (
                        <span className="ml-1 text-slate-600" data-testid="charge-tax">
                          + {formatMoney(charge.tax, charge.currency)} tax ={" "}
                          {formatMoney(charge.total, charge.currency)}
                        </span>
                      ) : null}
                      <span className="ml-2 text-slate-600">{charge.description ?? charge.id}</span>
                    </span>
                    <span className="flex items-center gap-2">
                      {canWrite && refundable(charge) ? (
                        <Button variant="ghost" onClick={() => forms.toggle(`refund:${charge.id}`)}>
                          Refund
                        </Button>
                      ) : null}
                      <StatusBadge status={charge.status} />
                    </span>
                  </div>
                  <div className="text-xs text-slate-600">
                    {formatDateTime(charge.created_at)}
                    {charge.failure_message ? ` · ${charge.failure_message}` : ""}
                    {charge.amount_refunded > 0 ? (
                      <span data-testid="refunded">
                        {" "}
                        · refunded {formatMoney(charge.amount_refunded, charge.currency)}
                      </span>
                    ) : null}
                  </div>
                  {canWrite && forms.isOpen(`refund:${charge.id}`) ? (
                    <RefundForm charge={charge} onClose={forms.close} />
                  ) : null}
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </Section>
  );
}

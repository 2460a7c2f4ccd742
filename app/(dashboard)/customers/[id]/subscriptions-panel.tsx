"use client";

import { useQuery } from "@tanstack/react-query";
import { QueryState } from "@/components/ui/query-state";
import { Section } from "@/components/ui/section";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatDate } from "@/lib/format/dates";
import { formatMoney } from "@/lib/format/money";
import { subscriptionsQuery } from "@/lib/queries/billing";

export function SubscriptionsPanel({ customerId }: { customerId: string }) {
  const subscriptions = useQuery(subscriptionsQuery(customerId));
  return (
    <Section title="Subscriptions">
      <QueryState query={subscriptions} what="subscriptions">
        {(page) =>
          page.data.length === 0 ? (
            <p className="text-sm text-slate-600">
              No subscriptions. They are created through the API once the customer has a payment method.
            </p>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm">
              {page.data.map((subscription) => (
                <li key={subscription.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <span>
                    <span className="font-medium">{subscription.description ?? subscription.id}</span>
                    <span className="ml-2 text-slate-600">
                      {formatMoney(subscription.amount, subscription.currency)} × {subscription.quantity ?? 1}{" "}
                      / {subscription.interval}
                    </span>
                  </span>
                  <span className="flex items-center gap-2 text-xs text-slate-600">
                    {subscription.current_period_end
                      ? `renews ${formatDate(subscription.current_period_end)}`
                      : null}
                    <StatusBadge status={subscription.status} />
                  </span>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </Section>
  );
}

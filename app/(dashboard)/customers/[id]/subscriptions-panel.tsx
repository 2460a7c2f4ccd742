"use client";

import { useQuery } from "@tanstack/react-query";
import { CancelSubscriptionForm } from "@/components/billing/cancel-subscription-form";
import { ChangeSubscriptionForm } from "@/components/billing/change-subscription-form";
import { NewSubscriptionForm } from "@/components/billing/new-subscription-form";
import { useOpenForm } from "@/components/billing/use-open-form";
import { useCanWrite } from "@/components/providers/staff-session";
import { Button } from "@/components/ui/button";
import { QueryState } from "@/components/ui/query-state";
import { Section } from "@/components/ui/section";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatDate } from "@/lib/format/dates";
import { formatMoney } from "@/lib/format/money";
import { subscriptionsQuery } from "@/lib/queries/billing";
import type { Customer, Subscription } from "@/lib/queries/types";

const isLive = (subscription: Subscription) => subscription.status !== "canceled" && !subscription.ended_at;

/** The customer's subscriptions; finance and admins attach, change and cancel them here. */
export function SubscriptionsPanel({ customer }: { customer: Customer }) {
  const subscriptions = useQuery(subscriptionsQuery(customer.id));
  const canAct = useCanWrite() && customer.status === "active";
  const forms = useOpenForm();
  return (
    <Section
      title="Subscriptions"
      actions={
        canAct ? (
          <Button variant="primary" onClick={() => forms.toggle("new")}>
            New subscription
          </Button>
        ) : null
      }
    >
      {canAct && forms.isOpen("new") ? (
        <NewSubscriptionForm customer={customer} onClose={forms.close} />
      ) : null}
      <QueryState query={subscriptions} what="subscriptions">
        {(page) =>
          page.data.length === 0 ? (
            <p className="text-sm text-slate-600">
              No subscriptions. They can be attached once the customer has a payment method.
            </p>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm">
              {page.data.map((subscription) => (
                <li key={subscription.id} className="py-2" data-testid="subscription-row">
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <span>
                      <span className="font-medium">{subscription.description ?? subscription.id}</span>
                      <span className="ml-2 text-slate-600">
                        {formatMoney(subscription.amount, subscription.currency)} × {subscription.quantity} /{" "}
                        {subscription.interval}
                      </span>
                    </span>
                    <span className="flex items-center gap-2 text-xs text-slate-600">
                      {subscription.cancel_at_period_end && subscription.current_period_end
                        ? `ends ${formatDate(subscription.current_period_end)}`
                        : subscription.current_period_end
                          ? `renews ${formatDate(subscription.current_period_end)}`
                          : null}
                      <StatusBadge status={subscription.status} />
                    </span>
                  </div>
                  {canAct && isLive(subscription) ? (
                    <div className="mt-1 flex gap-2">
                      <Button variant="ghost" onClick={() => forms.toggle(`change:${subscription.id}`)}>
                        Change
                      </Button>
                      <Button variant="ghost" onClick={() => forms.toggle(`cancel:${subscription.id}`)}>
                        Cancel subscription
                      </Button>
                    </div>
                  ) : null}
                  {canAct && forms.isOpen(`change:${subscription.id}`) ? (
                    <ChangeSubscriptionForm subscription={subscription} onClose={forms.close} />
                  ) : null}
                  {canAct && forms.isOpen(`cancel:${subscription.id}`) ? (
                    <CancelSubscriptionForm subscription={subscription} onClose={forms.close} />
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

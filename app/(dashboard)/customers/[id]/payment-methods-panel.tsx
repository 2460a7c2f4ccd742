"use client";

import { useQuery } from "@tanstack/react-query";
import { QueryState } from "@/components/ui/query-state";
import { Section } from "@/components/ui/section";
import { paymentMethodsQuery } from "@/lib/queries/customer-activity";
import type { Customer, PaymentMethod } from "@/lib/queries/types";

const expiry = (card: Pick<PaymentMethod, "exp_month" | "exp_year">) =>
  `${String(card.exp_month).padStart(2, "0")}/${card.exp_year}`;
const cardLabel = (card: Pick<PaymentMethod, "brand" | "last4">) =>
  `${card.brand.toUpperCase()} •••• ${card.last4}`;

export function PaymentMethodsPanel({
  customerId,
  defaultPaymentMethod,
}: {
  customerId: string;
  defaultPaymentMethod: Customer["default_payment_method"];
}) {
  const methods = useQuery(paymentMethodsQuery(customerId));
  return (
    <Section title="Payment methods">
      <p className="text-sm" data-testid="default-payment-method">
        <span className="font-medium">Default: </span>
        {defaultPaymentMethod ? (
          `${cardLabel(defaultPaymentMethod)}, expires ${expiry(defaultPaymentMethod)}`
        ) : (
          <span className="text-slate-600">none yet. Send the customer a payment link to save a card.</span>
        )}
      </p>
      <QueryState query={methods} what="payment methods">
        {(page) =>
          page.data.length === 0 ? null : (
            <ul className="mt-3 divide-y divide-slate-100 text-sm">
              {page.data.map((card) => (
                <li key={card.id} className="flex justify-between gap-2 py-1.5">
                  <span>{cardLabel(card)}</span>
                  <span className="text-slate-600">
                    {expiry(card)}
                    {card.is_default ? " · default" : ""}
                    {card.detached ? " · removed" : ""}
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

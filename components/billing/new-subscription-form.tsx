"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { parseMoney } from "@/lib/format/parse-money";
import { mrrEffect } from "@/lib/previews/mrr-effect";
import { customerMetricsQuery } from "@/lib/queries/billing";
import { createSubscription, type NewSubscription } from "@/lib/queries/billing-actions";
import { problemsByField } from "@/lib/queries/field-problems";
import type { Customer } from "@/lib/queries/types";
import { useBillingMutation } from "@/lib/queries/use-billing-mutation";
import { ActionForm } from "./action-form";
import { EffectPreview } from "./effect-preview";
import { MoneyField } from "./money-field";
import { wholeNumber } from "./whole-number";

const INTERVALS = [
  { value: "month", label: "Monthly" },
  { value: "year", label: "Yearly" },
] as const;

/** Attaches a subscription on the customer's default card, showing MRR/YRR before and after. */
export function NewSubscriptionForm({ customer, onClose }: { customer: Customer; onClose: () => void }) {
  const metrics = useQuery(customerMetricsQuery(customer.id));
  const [form, setForm] = useState({
    description: "",
    amount: "",
    currency: metrics.data?.currency ?? "USD",
    interval: "month" as NewSubscription["interval"],
    quantity: "1",
    trialDays: "0",
  });
  const { mutation, submit } = useBillingMutation(
    customer.id,
    (body: NewSubscription, key: string) => createSubscription(customer.id, body, key),
    onClose,
  );
  const errors = problemsByField(mutation.error);
  const amount = parseMoney(form.amount, form.currency);
  const quantity = wholeNumber(form.quantity);
  const trialDays = wholeNumber(form.trialDays);
  const effect =
    metrics.data && amount !== null && quantity !== null && trialDays !== null
      ? mrrEffect(metrics.data.mrr_by_currency, {
          kind: "create",
          subscription: { currency: form.currency, unitAmount: amount, quantity, interval: form.interval },
          trialDays,
        })
      : null;
  const set = (change: Partial<typeof form>) => setForm({ ...form, ...change });

  return (
    <ActionForm
      title="New subscription"
      submitLabel="Add subscription"
      pending={mutation.isPending}
      canSubmit={customer.default_payment_method !== null && amount !== null}
      error={mutation.error}
      onClose={onClose}
      onSubmit={() =>
        submit({
          description: form.description,
          amount: amount ?? 0,
          currency: form.currency,
          interval: form.interval,
          // Left as typed when not a whole number, so the API names the field.
          quantity: quantity ?? Number(form.quantity),
          trial_days: trialDays ?? Number(form.trialDays),
        })
      }
    >
      <TextField
        label="Description"
        value={form.description}
        error={errors.description}
        onChange={(event) => set({ description: event.target.value })}
      />
      <MoneyField
        label="Amount per unit"
        amount={form.amount}
        currency={form.currency}
        onAmountChange={(value) => set({ amount: value })}
        onCurrencyChange={(value) => set({ currency: value })}
        amountError={errors.amount}
        currencyError={errors.currency}
      />
      <div className="grid grid-cols-3 gap-3">
        <SelectField
          label="Interval"
          options={INTERVALS}
          value={form.interval}
          onChange={(event) => set({ interval: event.target.value as NewSubscription["interval"] })}
        />
        <TextField
          label="Quantity"
          inputMode="numeric"
          value={form.quantity}
          error={errors.quantity}
          onChange={(event) => set({ quantity: event.target.value })}
        />
        <TextField
          label="Trial days"
          inputMode="numeric"
          value={form.trialDays}
          error={errors.trial_days}
          onChange={(event) => set({ trialDays: event.target.value })}
        />
      </div>
      <EffectPreview
        mrr={effect}
        card={customer.default_payment_method}
        note={trialDays ? "A trial counts 0 towards MRR until it ends." : undefined}
      />
    </ActionForm>
  );
}

"use client";

import { useState } from "react";
import { TextField } from "@/components/ui/text-field";
import { parseMoney } from "@/lib/format/parse-money";
import { createCharge, type NewCharge } from "@/lib/queries/billing-actions";
import { problemsByField } from "@/lib/queries/field-problems";
import type { Customer } from "@/lib/queries/types";
import { useBillingMutation } from "@/lib/queries/use-billing-mutation";
import { ActionForm } from "./action-form";
import { EffectPreview } from "./effect-preview";
import { MoneyField } from "./money-field";

/**
 * A one-time charge on the default card, showing the amount and the card before confirming.
 * Without a card it cannot submit. The submission's Idempotency-Key makes a second click or a
 * retry after a lost answer replay the first charge instead of making another.
 */
export function ChargeForm({ customer, onClose }: { customer: Customer; onClose: () => void }) {
  const [form, setForm] = useState({ amount: "", currency: "USD", description: "" });
  const { mutation, submit } = useBillingMutation(
    customer.id,
    (body: NewCharge, key: string) => createCharge(customer.id, body, key),
    onClose,
  );
  const errors = problemsByField(mutation.error);
  const amount = parseMoney(form.amount, form.currency);
  const description = form.description.trim();

  return (
    <ActionForm
      title="New charge"
      submitLabel="Charge"
      pending={mutation.isPending}
      canSubmit={customer.default_payment_method !== null && amount !== null}
      error={mutation.error}
      onClose={onClose}
      onSubmit={() =>
        submit({ amount: amount ?? 0, currency: form.currency, ...(description ? { description } : {}) })
      }
    >
      <MoneyField
        amount={form.amount}
        currency={form.currency}
        onAmountChange={(value) => setForm({ ...form, amount: value })}
        onCurrencyChange={(value) => setForm({ ...form, currency: value })}
        amountError={errors.amount}
        currencyError={errors.currency}
      />
      <TextField
        label="Description"
        value={form.description}
        error={errors.description}
        onChange={(event) => setForm({ ...form, description: event.target.value })}
      />
      <EffectPreview
        money={{ label: "Charged once", amount, currency: form.currency }}
        card={customer.default_payment_method}
      />
    </ActionForm>
  );
}

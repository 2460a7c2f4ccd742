"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { TextField } from "@/components/ui/text-field";
import { formatMoney } from "@/lib/format/money";
import { parseMoney } from "@/lib/format/parse-money";
import { mrrEffect } from "@/lib/previews/mrr-effect";
import { customerMetricsQuery } from "@/lib/queries/billing";
import { type SubscriptionChange, updateSubscription } from "@/lib/queries/billing-actions";
import { problemsByField } from "@/lib/queries/field-problems";
import type { Subscription } from "@/lib/queries/types";
import { useBillingMutation } from "@/lib/queries/use-billing-mutation";
import { ActionForm } from "./action-form";
import { EffectPreview } from "./effect-preview";
import { MoneyField } from "./money-field";
import { wholeNumber } from "./whole-number";

/** Majors as typed in the money field, e.g. 4900 USD → "49.00" (the grouping commas left out). */
const asTyped = (minor: number, currency: string) => formatMoney(minor, currency).replace(/[^\d.]/g, "");

/** A new quantity or unit amount for a live subscription (Stripe prorates), with its MRR effect. */
export function ChangeSubscriptionForm({
  subscription,
  onClose,
}: {
  subscription: Subscription;
  onClose: () => void;
}) {
  const metrics = useQuery(customerMetricsQuery(subscription.customer_id));
  const [amountText, setAmountText] = useState(asTyped(subscription.amount, subscription.currency));
  const [quantityText, setQuantityText] = useState(String(subscription.quantity));
  const { mutation, submit } = useBillingMutation(
    subscription.customer_id,
    (body: SubscriptionChange) => updateSubscription(subscription.id, body),
    onClose,
  );
  const errors = problemsByField(mutation.error);
  const amount = parseMoney(amountText, subscription.currency);
  const quantity = wholeNumber(quantityText);
  const change: SubscriptionChange = {
    ...(amount !== null && amount !== subscription.amount ? { amount } : {}),
    ...(quantity !== null && quantity !== subscription.quantity ? { quantity } : {}),
  };
  const effect =
    metrics.data && amount !== null && quantity !== null
      ? mrrEffect(metrics.data.mrr_by_currency, {
          kind: "update",
          current: subscription,
          next: {
            currency: subscription.currency,
            unitAmount: amount,
            quantity,
            interval: subscription.interval,
            intervalCount: subscription.interval_count,
          },
        })
      : null;

  return (
    <ActionForm
      title={`Change ${subscription.description ?? subscription.id}`}
      submitLabel="Save change"
      pending={mutation.isPending}
      canSubmit={amount !== null && quantity !== null && Object.keys(change).length > 0}
      error={mutation.error}
      onClose={onClose}
      onSubmit={() => submit(change)}
    >
      <div className="grid grid-cols-3 gap-3">
        <div className="col-span-2">
          <MoneyField
            label="Amount per unit"
            amount={amountText}
            currency={subscription.currency}
            onAmountChange={setAmountText}
            amountError={errors.amount}
          />
        </div>
        <TextField
          label="Quantity"
          inputMode="numeric"
          value={quantityText}
          error={errors.quantity}
          onChange={(event) => setQuantityText(event.target.value)}
        />
      </div>
      <EffectPreview mrr={effect} note="Stripe prorates the change on the next invoice." />
    </ActionForm>
  );
}

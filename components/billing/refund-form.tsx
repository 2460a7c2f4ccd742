"use client";

import { useState } from "react";
import { formatMoney } from "@/lib/format/money";
import { parseMoney } from "@/lib/format/parse-money";
import { refundEffect } from "@/lib/previews/refund-effect";
import { type Refund, refundCharge } from "@/lib/queries/billing-actions";
import { problemsByField } from "@/lib/queries/field-problems";
import type { Charge } from "@/lib/queries/types";
import { useBillingMutation } from "@/lib/queries/use-billing-mutation";
import { ActionForm } from "./action-form";
import { EffectPreview } from "./effect-preview";
import { MoneyField } from "./money-field";

/**
 * Refunds all that is left of a succeeded charge, or part of it, back to the card it was paid
 * with; amounts are of what the card paid (the charge's total, its invoice's tax included).
 */
export function RefundForm({ charge, onClose }: { charge: Charge; onClose: () => void }) {
  const [part, setPart] = useState(false);
  const [amountText, setAmountText] = useState("");
  const { mutation, submit } = useBillingMutation(
    charge.customer_id,
    (body: Refund, key: string) => refundCharge(charge.id, body, key),
    onClose,
  );
  const errors = problemsByField(mutation.error);
  const amount = part ? parseMoney(amountText, charge.currency) : null;
  const effect = refundEffect(charge, part ? (amount ?? undefined) : null);
  const money = (value: number) => formatMoney(value, charge.currency);
  const paid =
    charge.tax > 0
      ? `Paid ${money(charge.total)} (${money(charge.amount)} + ${money(charge.tax)} tax); the invoice's tax is credited in proportion. `
      : "";

  return (
    <ActionForm
      title={`Refund ${charge.description ?? charge.id}`}
      submitLabel="Refund"
      pending={mutation.isPending}
      canSubmit={effect.refunded !== null}
      error={mutation.error}
      onClose={onClose}
      // `{}` refunds whatever is left when the request arrives, even if another refund came first.
      onSubmit={() => submit(part && amount !== null ? { amount } : {})}
    >
      <fieldset className="space-y-1 text-sm">
        <legend className="font-medium text-slate-700">How much</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name="refund" checked={!part} onChange={() => setPart(false)} />
          All that is left
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="refund" checked={part} onChange={() => setPart(true)} />
          Part of it
        </label>
      </fieldset>
      {part ? (
        <MoneyField
          label="Refund amount"
          amount={amountText}
          currency={charge.currency}
          onAmountChange={setAmountText}
          amountError={errors.amount}
        />
      ) : null}
      <EffectPreview
        money={{ label: "Refunded to the card", amount: effect.refunded, currency: charge.currency }}
        note={`${paid}Left to refund now: ${money(effect.leftBefore)}.`}
      />
    </ActionForm>
  );
}

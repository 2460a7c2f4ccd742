"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { formatDate } from "@/lib/format/dates";
import { mrrEffect } from "@/lib/previews/mrr-effect";
import { customerMetricsQuery } from "@/lib/queries/billing";
import { cancelSubscription } from "@/lib/queries/billing-actions";
import type { Subscription } from "@/lib/queries/types";
import { useBillingMutation } from "@/lib/queries/use-billing-mutation";
import { ActionForm } from "./action-form";
import { EffectPreview } from "./effect-preview";

/**
 * Cancels now, or at the end of the paid period. The preview follows the MRR rules: at period
 * end the subscription keeps counting until it is canceled, so MRR moves only then.
 */
export function CancelSubscriptionForm({
  subscription,
  onClose,
}: {
  subscription: Subscription;
  onClose: () => void;
}) {
  const metrics = useQuery(customerMetricsQuery(subscription.customer_id));
  const [when, setWhen] = useState<"now" | "period_end">("now");
  const { mutation, submit } = useBillingMutation(
    subscription.customer_id,
    (atPeriodEnd: boolean) => cancelSubscription(subscription.id, atPeriodEnd),
    onClose,
  );
  const now = metrics.data
    ? mrrEffect(metrics.data.mrr_by_currency, { kind: "cancel", current: subscription })
    : null;
  const periodEnd = subscription.current_period_end
    ? formatDate(subscription.current_period_end)
    : "the period ends";
  const unchanged = now && { ...now, mrrAfter: now.mrrBefore, yrrAfter: now.yrrBefore };

  return (
    <ActionForm
      title={`Cancel ${subscription.description ?? subscription.id}`}
      submitLabel="Confirm cancellation"
      pending={mutation.isPending}
      canSubmit
      error={mutation.error}
      onClose={onClose}
      onSubmit={() => submit(when === "period_end")}
    >
      <fieldset className="space-y-1 text-sm">
        <legend className="font-medium text-slate-700">When</legend>
        {(
          [
            ["now", "Cancel now"],
            ["period_end", `At the end of the period (${periodEnd})`],
          ] as const
        ).map(([value, label]) => (
          <label key={value} className="flex items-center gap-2">
            <input type="radio" name="when" checked={when === value} onChange={() => setWhen(value)} />
            {label}
          </label>
        ))}
      </fieldset>
      <EffectPreview
        mrr={when === "now" ? now : unchanged}
        note={
          when === "now"
            ? "It ends at once; nothing more is billed."
            : `It keeps counting until ${periodEnd}, then leaves MRR.`
        }
      />
    </ActionForm>
  );
}

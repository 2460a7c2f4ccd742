import { formatMoney } from "@/lib/format/money";
import type { MrrEffect } from "@/lib/previews/mrr-effect";
import type { Customer } from "@/lib/queries/types";

export type Card = Customer["default_payment_method"];

/**
 * What a billing form will do, shown before it is confirmed: MRR and YRR before → after, and/or
 * an amount and the card it goes to or comes back to. `card: null` means the customer has no
 * card, and the form must not submit (it says so here).
 */
export function EffectPreview({
  mrr,
  money,
  card,
  note,
}: {
  mrr?: MrrEffect | null;
  money?: { label: string; amount: number | null; currency: string };
  card?: Card;
  note?: string;
}) {
  return (
    <section
      aria-label="Effect"
      className="mt-4 rounded-md bg-slate-50 p-3 text-sm"
      data-testid="effect-preview"
    >
      <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-600">Effect</h4>
      <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        {mrr ? (
          <>
            <dt>MRR</dt>
            <dd data-testid="mrr-effect">
              {formatMoney(mrr.mrrBefore, mrr.currency)} → {formatMoney(mrr.mrrAfter, mrr.currency)}
            </dd>
            <dt>YRR</dt>
            <dd data-testid="yrr-effect">
              {formatMoney(mrr.yrrBefore, mrr.currency)} → {formatMoney(mrr.yrrAfter, mrr.currency)}
            </dd>
          </>
        ) : null}
        {money ? (
          <>
            <dt>{money.label}</dt>
            <dd data-testid="amount-effect">
              {money.amount === null ? "enter an amount" : formatMoney(money.amount, money.currency)}
            </dd>
          </>
        ) : null}
        {card ? (
          <>
            <dt>Card</dt>
            <dd data-testid="card-effect">
              {card.brand.toUpperCase()} •••• {card.last4}
            </dd>
          </>
        ) : null}
      </dl>
      {card === null ? (
        <p role="alert" className="mt-2 text-rose-700">
          No card on file: send the customer a payment link to save one first.
        </p>
      ) : null}
      {note ? <p className="mt-2 text-slate-600">{note}</p> : null}
    </section>
  );
}

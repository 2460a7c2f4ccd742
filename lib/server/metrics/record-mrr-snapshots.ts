import type { Tx } from "../../db";
import { eventEffect, mrrByCurrency, type SubscriptionChange, UNKNOWN_CHANGE } from "../../metrics";
import { lastChange } from "./mrr-change-order";
import { MRR_INPUT_COLUMNS, mrrInputOf } from "./mrr-input";
import { recordMrrDay } from "./record-mrr-day";

/**
 * Appends a history row for every currency whose MRR differs from the customer's last row (a
 * currency that stopped counting gets a 0), each with its movement and its causes, and adds it to
 * the book's kept day (mrr_days). Called inside the transaction of each subscription change,
 * under the customer's row lock, so the history is exact and needs no daily cron.
 */
export async function recordMrrSnapshots(
  tx: Tx,
  {
    customerId,
    at,
    causes,
  }: {
    customerId: string;
    at: Date;
    /** What changed, in which currency (the subscription's); other currencies' rows say "unknown". */
    causes?: { currency: string; changes: readonly SubscriptionChange[] };
  },
) {
  const subscriptions = await tx.subscription.findMany({
    where: { customerId, status: { in: ["active", "past_due"] } },
    select: MRR_INPUT_COLUMNS,
  });
  const now = mrrByCurrency(subscriptions.map(mrrInputOf));
  const latest = await tx.$queryRaw<{ currency: string; mrr: bigint; hadMrr: boolean }[]>`
    select currency, (${lastChange("mrr")})[3] as mrr, bool_or(mrr > 0) as "hadMrr"
    from mrr_snapshots where customer_id = ${customerId} group by currency`;
  const before = new Map(latest.map((row) => [row.currency, row]));
  const currencies = new Set([...before.keys(), ...Object.keys(now)]);
  const changed = [...currencies]
    .sort()
    .map((currency) => {
      const previous = before.get(currency);
      const mrrBefore = Number(previous?.mrr ?? 0);
      const mrrAfter = now[currency] ?? 0;
      const hadMrrBefore = previous?.hadMrr ?? false;
      return {
        currency,
        previous,
        mrrAfter,
        hadMrrBefore,
        effect: eventEffect({ mrrBefore, mrrAfter, hadMrrBefore }),
      };
    })
    .filter(({ effect }) => effect.type !== null);
  if (changed.length === 0) return;
  await tx.mrrSnapshot.createMany({
    data: changed.map(({ currency, previous, mrrAfter, hadMrrBefore, effect }) => {
      const cited =
        causes?.currency === currency && causes.changes.length > 0 ? causes.changes : [UNKNOWN_CHANGE];
      return {
        customerId,
        currency,
        mrr: BigInt(mrrAfter),
        previousMrr: previous?.mrr ?? null,
        hadMrrBefore,
        effectiveAt: at,
        movement: effect.type as string,
        changes: cited.map((change) => ({ ...change })),
      };
    }),
  });
  for (const { currency, effect } of changed) await recordMrrDay(tx, { currency, at, effect });
}

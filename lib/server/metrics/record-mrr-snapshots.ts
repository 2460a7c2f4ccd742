import type { Tx } from "../../db";
import { mrrByCurrency } from "../../metrics";
import { lastChange } from "./mrr-change-order";
import { MRR_INPUT_COLUMNS, mrrInputOf } from "./mrr-input";

/**
 * Appends a history row for every currency whose MRR differs from the customer's last row (a
 * currency that stopped counting gets a 0). Called inside the transaction of each subscription
 * change, under the customer's row lock, so the history is exact and needs no daily cron.
 */
export async function recordMrrSnapshots(tx: Tx, { customerId, at }: { customerId: string; at: Date }) {
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
    .map((currency) => ({ currency, mrr: now[currency] ?? 0, before: before.get(currency) }))
    .filter(({ mrr, before }) => Number(before?.mrr ?? 0) !== mrr);
  if (changed.length === 0) return;
  await tx.mrrSnapshot.createMany({
    data: changed.map(({ currency, mrr, before }) => ({
      customerId,
      currency,
      mrr: BigInt(mrr),
      previousMrr: before?.mrr ?? null,
      hadMrrBefore: before?.hadMrr ?? false,
      effectiveAt: at,
    })),
  });
}

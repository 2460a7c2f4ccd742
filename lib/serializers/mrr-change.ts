import type { MovementType, SubscriptionChange } from "../metrics";

/** An mrr_snapshots row as the reports read it. */
export interface MrrChangeRow {
  id: bigint;
  effectiveAt: Date;
  currency: string;
  movement: string;
  previousMrr: bigint | null;
  mrr: bigint;
  changes: unknown;
}

/** One recorded MRR change (one movement), as the customer's history and the drill-down show it. */
export function serializeMrrChange(row: MrrChangeRow) {
  const at = row.effectiveAt.toISOString();
  return {
    id: `mov_${row.id}`,
    at,
    date: at.slice(0, 10),
    currency: row.currency,
    type: row.movement as MovementType,
    mrr_before: Number(row.previousMrr ?? 0n),
    mrr_after: Number(row.mrr),
    changes: row.changes as SubscriptionChange[],
  };
}

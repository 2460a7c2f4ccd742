import type { MrrChange } from "@/lib/queries/types";
import { changeText } from "./change-text";

/** The changes behind one MRR movement: which subscription, and what changed on it. */
export function MrrCauses({ changes, currency }: { changes: MrrChange[]; currency: string }) {
  if (changes.length === 0) return <span className="text-slate-500">no recorded change</span>;
  return (
    <ul className="space-y-0.5">
      {changes.map((change) => (
        // One movement changes a subscription in a given way once (one snapshot, one diff).
        <li key={`${change.subscription_id}:${change.change}`}>
          <span className="font-medium">
            {change.description ?? change.subscription_id ?? "A subscription"}
          </span>
          : {changeText(change, currency)}
        </li>
      ))}
    </ul>
  );
}

import { formatDateTime } from "@/lib/format/dates";
import type { RiskHistoryEntry } from "@/lib/queries/types";

/** When each risk signal appeared and cleared, newest first. */
export function RiskHistory({ entries }: { entries: RiskHistoryEntry[] }) {
  return (
    <div>
      <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-600">Risk history</h3>
      {entries.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600">No risk signal has ever been raised.</p>
      ) : (
        <ul className="mt-1 space-y-1 text-sm" data-testid="risk-history">
          {entries.map((entry) => (
            <li key={`${entry.code}-${entry.appeared_at}`}>
              <code className="font-mono text-xs">{entry.code}</code>: appeared{" "}
              {formatDateTime(entry.appeared_at)}
              {entry.cleared_at ? `, cleared ${formatDateTime(entry.cleared_at)}` : ", still present"}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

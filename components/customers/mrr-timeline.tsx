"use client";

import { useQuery } from "@tanstack/react-query";
import { MOVEMENT_COLORS, MOVEMENT_LABELS } from "@/components/metrics/movement-types";
import { MrrCauses } from "@/components/metrics/mrr-causes";
import { QueryState } from "@/components/ui/query-state";
import { Section } from "@/components/ui/section";
import { formatDateTime } from "@/lib/format/dates";
import { formatMoney } from "@/lib/format/money";
import { customerMetricsQuery } from "@/lib/queries/billing";
import type { MrrHistoryEntry } from "@/lib/queries/types";

function Entry({ entry }: { entry: MrrHistoryEntry }) {
  const money = (amount: number) => formatMoney(amount, entry.currency);
  const change = entry.mrr_after - entry.mrr_before;
  return (
    <li className="relative pb-4 pl-6" data-testid="mrr-history-entry">
      <span
        aria-hidden="true"
        className="absolute top-1.5 -left-1.5 h-3 w-3 rounded-full ring-4 ring-white"
        style={{ backgroundColor: MOVEMENT_COLORS[entry.type] }}
      />
      <p className="text-xs text-slate-600">
        <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
      </p>
      <p className="text-sm">
        <span className="font-semibold">{MOVEMENT_LABELS[entry.type]}</span> ({entry.currency}):{" "}
        <span className="tabular-nums">
          {money(entry.mrr_before)} → {money(entry.mrr_after)} ({change > 0 ? "+" : ""}
          {money(change)})
        </span>
      </p>
      <div className="text-sm text-slate-700">
        <MrrCauses changes={entry.changes} currency={entry.currency} />
      </div>
    </li>
  );
}

function TimelineView({ history }: { history: MrrHistoryEntry[] }) {
  if (history.length === 0) return <p className="text-sm text-slate-600">The MRR has not changed yet.</p>;
  return (
    <ol aria-label="MRR changes, newest first" className="border-l border-slate-200 pl-0">
      {history.map((entry) => (
        <Entry key={entry.id} entry={entry} />
      ))}
    </ol>
  );
}

/** Each change of the customer's MRR with what caused it, newest first (at most 100). */
export function MrrTimeline({ customerId }: { customerId: string }) {
  const metrics = useQuery(customerMetricsQuery(customerId));
  return (
    <Section title="MRR history">
      <QueryState query={metrics} what="the MRR history">
        {(data) => <TimelineView history={data.history} />}
      </QueryState>
    </Section>
  );
}

"use client";

import { useQuery } from "@tanstack/react-query";
import { QueryState } from "@/components/ui/query-state";
import { Section } from "@/components/ui/section";
import { formatDateTime } from "@/lib/format/dates";
import { auditTrailQuery } from "@/lib/queries/customer-activity";
import type { AuditEntry } from "@/lib/queries/types";

function actorLabel(actor: AuditEntry["actor"]): string {
  if (actor.type === "staff_user") return actor.email ?? "staff user";
  if (actor.type === "api_key") return `API key ${actor.id ?? ""}`.trim();
  return actor.type;
}

export function AuditTrailPanel({ customerId }: { customerId: string }) {
  const trail = useQuery(auditTrailQuery(customerId));
  return (
    <Section title="Audit trail">
      <QueryState query={trail} what="the audit trail">
        {(page) => (
          <ol className="space-y-2 text-sm">
            {page.data.map((entry) => (
              <li key={entry.id} className="border-l-2 border-slate-200 pl-3">
                <div className="font-mono text-xs font-medium">{entry.action}</div>
                <div className="text-xs text-slate-600">
                  {actorLabel(entry.actor)} · {formatDateTime(entry.created_at)}
                </div>
              </li>
            ))}
          </ol>
        )}
      </QueryState>
    </Section>
  );
}

"use client";

import { useQuery } from "@tanstack/react-query";
import { QueryState } from "@/components/ui/query-state";
import { Section } from "@/components/ui/section";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatDateTime } from "@/lib/format/dates";
import { webhookDeliveriesQuery } from "@/lib/queries/customer-activity";

export function WebhookDeliveriesPanel({ customerId }: { customerId: string }) {
  const deliveries = useQuery(webhookDeliveriesQuery(customerId));
  return (
    <Section title="Webhook deliveries">
      <QueryState query={deliveries} what="webhook deliveries">
        {(page) =>
          page.data.length === 0 ? (
            <p className="text-sm text-slate-600">
              No deliveries yet. They appear once an admin registers a webhook endpoint.
            </p>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm">
              {page.data.map((delivery) => (
                <li key={delivery.id} className="py-2">
                  <div className="flex items-center justify-between gap-2">
                    <span className="font-mono text-xs">{delivery.event_type}</span>
                    <StatusBadge status={delivery.status} />
                  </div>
                  <div className="truncate text-xs text-slate-600" title={delivery.endpoint_url}>
                    {delivery.endpoint_url} · {delivery.attempt_count} attempt
                    {delivery.attempt_count === 1 ? "" : "s"}
                    {delivery.last_status_code ? ` · HTTP ${delivery.last_status_code}` : ""} ·{" "}
                    {formatDateTime(delivery.created_at)}
                  </div>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </Section>
  );
}

"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ErrorText, QueryState } from "@/components/ui/query-state";
import { Section } from "@/components/ui/section";
import { formatDateTime } from "@/lib/format/dates";
import { deleteWebhookEndpoint, type WebhookEndpoint, webhookEndpointsQuery } from "@/lib/queries/admin";
import { refreshQueries } from "@/lib/queries/refresh-queries";
import { CreateWebhookEndpointForm } from "./create-webhook-endpoint-form";

export function WebhookEndpointsManager() {
  const queryClient = useQueryClient();
  const endpoints = useQuery(webhookEndpointsQuery());
  const [deleting, setDeleting] = useState<WebhookEndpoint | null>(null);
  const remove = useMutation({
    mutationFn: (id: string) => deleteWebhookEndpoint(id),
    onSettled: () => refreshQueries(queryClient, webhookEndpointsQuery().queryKey),
  });
  return (
    <>
      <Section title="New endpoint">
        <CreateWebhookEndpointForm />
      </Section>
      <Section title="Endpoints">
        {remove.isError ? <ErrorText error={remove.error} /> : null}
        <QueryState query={endpoints} what="webhook endpoints">
          {(page) =>
            page.data.length === 0 ? (
              <p className="text-sm text-slate-600">No endpoints. Add one above to receive events.</p>
            ) : (
              <ul className="divide-y divide-slate-100 text-sm">
                {page.data.map((endpoint) => (
                  <li key={endpoint.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    <div className="min-w-0">
                      <div className="truncate font-mono text-xs">{endpoint.url}</div>
                      <div className="text-xs text-slate-600">
                        {endpoint.enabled_events.join(", ")} · added {formatDateTime(endpoint.created_at)}
                      </div>
                    </div>
                    <Button
                      variant="ghost"
                      onClick={() => setDeleting(endpoint)}
                      aria-label={`Delete endpoint ${endpoint.url}`}
                    >
                      Delete
                    </Button>
                  </li>
                ))}
              </ul>
            )
          }
        </QueryState>
      </Section>
      <ConfirmDialog
        open={deleting !== null}
        title="Delete this endpoint?"
        message={`No more events are sent to ${deleting?.url ?? ""}. Its delivery history stays.`}
        confirmLabel="Delete endpoint"
        busy={remove.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSettled: () => setDeleting(null) })}
      />
    </>
  );
}

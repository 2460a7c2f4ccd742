"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ColumnHeaders } from "@/components/ui/column-headers";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ErrorText, QueryState } from "@/components/ui/query-state";
import { Section } from "@/components/ui/section";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatDateTime } from "@/lib/format/dates";
import { type ApiKey, apiKeysQuery, revokeApiKey } from "@/lib/queries/admin";
import { refreshQueries } from "@/lib/queries/refresh-queries";
import { CreateApiKeyForm } from "./create-api-key-form";

export function ApiKeysManager() {
  const queryClient = useQueryClient();
  const keys = useQuery(apiKeysQuery());
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const revoke = useMutation({
    mutationFn: (id: string) => revokeApiKey(id),
    onSettled: () => refreshQueries(queryClient, apiKeysQuery().queryKey),
  });
  return (
    <>
      <Section title="New API key">
        <CreateApiKeyForm />
      </Section>
      <Section title="Keys">
        {revoke.isError ? <ErrorText error={revoke.error} /> : null}
        <QueryState query={keys} what="API keys">
          {(page) => (
            <div className="overflow-x-auto">
              <table className="min-w-full text-sm">
                <ColumnHeaders
                  columns={[
                    { label: "Name", className: "py-2 pr-4" },
                    { label: "Prefix", className: "py-2 pr-4" },
                    { label: "Scopes", className: "py-2 pr-4" },
                    { label: "Last used", className: "py-2 pr-4" },
                    { label: "Status", className: "py-2 pr-4" },
                    { label: "Actions", className: "py-2", hiddenLabel: true },
                  ]}
                />
                <tbody className="divide-y divide-slate-100">
                  {page.data.map((key) => (
                    <tr key={key.id}>
                      <td className="py-2 pr-4">{key.name}</td>
                      <td className="py-2 pr-4 font-mono text-xs">{key.prefix}…</td>
                      <td className="py-2 pr-4">{key.scopes.join(", ")}</td>
                      <td className="py-2 pr-4">
                        {key.last_used_at ? formatDateTime(key.last_used_at) : "never"}
                      </td>
                      <td className="py-2 pr-4">
                        <StatusBadge status={key.revoked_at ? "revoked" : "active"} />
                      </td>
                      <td className="py-2 text-right">
                        {key.revoked_at ? null : (
                          <Button
                            variant="ghost"
                            onClick={() => setRevoking(key)}
                            aria-label={`Revoke ${key.name}`}
                          >
                            Revoke
                          </Button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </QueryState>
      </Section>
      <ConfirmDialog
        open={revoking !== null}
        title={`Revoke "${revoking?.name ?? ""}"?`}
        message="Requests with this key fail from now on. This cannot be undone."
        confirmLabel="Revoke key"
        busy={revoke.isPending}
        onCancel={() => setRevoking(null)}
        onConfirm={() => revoking && revoke.mutate(revoking.id, { onSettled: () => setRevoking(null) })}
      />
    </>
  );
}

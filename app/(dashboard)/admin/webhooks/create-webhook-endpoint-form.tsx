"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/query-state";
import { SecretReveal } from "@/components/ui/secret-reveal";
import { TextField } from "@/components/ui/text-field";
import { createWebhookEndpoint, webhookEndpointsQuery } from "@/lib/queries/admin";
import { ApiProblem } from "@/lib/queries/api-fetch";
import { refreshQueries } from "@/lib/queries/refresh-queries";
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from "@/lib/webhooks/event-types";

type EnabledEvent = "*" | WebhookEventType;

export function CreateWebhookEndpointForm() {
  const queryClient = useQueryClient();
  const [url, setUrl] = useState("");
  const [events, setEvents] = useState<Set<EnabledEvent>>(new Set(["*"]));
  const mutation = useMutation({
    mutationFn: () => createWebhookEndpoint({ url, enabled_events: [...events] }),
    onSuccess: () => {
      setUrl("");
      return refreshQueries(queryClient, webhookEndpointsQuery().queryKey);
    },
  });
  const toggle = (type: EnabledEvent, on: boolean) => {
    const next = new Set(events);
    if (on) next.add(type);
    else next.delete(type);
    setEvents(next);
  };
  const urlError =
    mutation.error instanceof ApiProblem
      ? mutation.error.errors.find((e) => e.field === "url")?.message
      : undefined;
  return (
    <div className="space-y-4">
      <form
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          mutation.mutate();
        }}
      >
        <TextField
          label="Endpoint URL"
          type="url"
          required
          placeholder="https://example.com/webhooks/donutwork"
          value={url}
          error={urlError}
          onChange={(event) => setUrl(event.target.value)}
        />
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">Events</legend>
          <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {(["*", ...WEBHOOK_EVENT_TYPES] as const).map((type) => (
              <label key={type} className="flex items-center gap-1.5">
                <input
                  type="checkbox"
                  checked={events.has(type)}
                  onChange={(event) => toggle(type, event.target.checked)}
                />
                <span className="font-mono text-xs">{type === "*" ? "* (all events)" : type}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <Button type="submit" variant="primary" disabled={mutation.isPending || !url || events.size === 0}>
          Add endpoint
        </Button>
      </form>
      {mutation.isError && !urlError ? <ErrorText error={mutation.error} /> : null}
      {mutation.data ? <SecretReveal label="Signing secret" secret={mutation.data.secret} /> : null}
    </div>
  );
}

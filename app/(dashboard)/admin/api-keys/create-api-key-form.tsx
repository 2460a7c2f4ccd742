"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/query-state";
import { SecretReveal } from "@/components/ui/secret-reveal";
import { TextField } from "@/components/ui/text-field";
import { apiKeysQuery, createApiKey } from "@/lib/queries/admin";
import { refreshQueries } from "@/lib/queries/refresh-queries";

export function CreateApiKeyForm() {
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [write, setWrite] = useState(false);
  const mutation = useMutation({
    mutationFn: () => createApiKey({ name, scopes: write ? ["read", "write"] : ["read"] }),
    onSuccess: () => {
      setName("");
      return refreshQueries(queryClient, apiKeysQuery().queryKey);
    },
  });
  return (
    <div className="space-y-4">
      <form
        className="flex flex-wrap items-end gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          mutation.mutate();
        }}
      >
        <TextField
          label="Key name"
          value={name}
          required
          maxLength={100}
          onChange={(event) => setName(event.target.value)}
          className="min-w-64"
        />
        <label className="flex items-center gap-2 pb-2 text-sm">
          <input type="checkbox" checked={write} onChange={(event) => setWrite(event.target.checked)} />
          May write (create and change customers, charge)
        </label>
        <Button type="submit" variant="primary" disabled={mutation.isPending || !name.trim()}>
          Create API key
        </Button>
      </form>
      {mutation.isError ? <ErrorText error={mutation.error} /> : null}
      {mutation.data ? <SecretReveal label="API key secret" secret={mutation.data.secret} /> : null}
    </div>
  );
}

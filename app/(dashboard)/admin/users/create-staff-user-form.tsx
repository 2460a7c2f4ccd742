"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/query-state";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { createStaffUser, staffUsersQuery } from "@/lib/queries/admin";
import { ApiProblem } from "@/lib/queries/api-fetch";
import { refreshQueries } from "@/lib/queries/refresh-queries";

const ROLE_OPTIONS = [
  { value: "viewer", label: "Viewer (reads only)" },
  { value: "finance", label: "Finance (reads and changes customers)" },
  { value: "admin", label: "Admin (also keys, users, webhooks)" },
] as const;

export function CreateStaffUserForm() {
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [role, setRole] = useState("viewer");
  const mutation = useMutation({
    mutationFn: () => createStaffUser({ email, password, role }),
    onSuccess: () => {
      setEmail("");
      setPassword("");
      return refreshQueries(queryClient, staffUsersQuery().queryKey);
    },
  });
  const fieldError = (field: string) =>
    mutation.error instanceof ApiProblem
      ? mutation.error.errors.find((e) => e.field === field)?.message
      : undefined;
  return (
    <form
      className="grid gap-4 sm:grid-cols-[1fr_1fr_16rem_auto] sm:items-start"
      onSubmit={(event) => {
        event.preventDefault();
        mutation.mutate();
      }}
    >
      <TextField
        label="Email"
        type="email"
        autoComplete="off"
        required
        value={email}
        error={fieldError("email")}
        onChange={(event) => setEmail(event.target.value)}
      />
      <TextField
        label="Initial password"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        value={password}
        error={fieldError("password")}
        onChange={(event) => setPassword(event.target.value)}
      />
      <SelectField
        label="Role"
        options={ROLE_OPTIONS}
        value={role}
        onChange={(event) => setRole(event.target.value)}
      />
      <Button type="submit" variant="primary" className="sm:mt-6" disabled={mutation.isPending}>
        Create user
      </Button>
      {mutation.isError ? (
        <div className="sm:col-span-4">
          <ErrorText error={mutation.error} />
        </div>
      ) : null}
      {mutation.isSuccess ? (
        <p role="status" className="text-sm text-emerald-700 sm:col-span-4">
          User {mutation.data.email} created.
        </p>
      ) : null}
    </form>
  );
}

"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";

/** A new password for another user (or oneself); saving it ends every session of that user. */
export function SetPasswordForm({
  email,
  busy,
  onSubmit,
}: {
  email: string;
  busy: boolean;
  onSubmit: (password: string) => void;
}) {
  const [password, setPassword] = useState("");
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(password);
      }}
    >
      <TextField
        label={`New password for ${email}`}
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        className="w-80"
      />
      <Button type="submit" variant="primary" disabled={busy}>
        Save password
      </Button>
    </form>
  );
}

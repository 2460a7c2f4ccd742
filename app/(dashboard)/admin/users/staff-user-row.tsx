"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ErrorText } from "@/components/ui/query-state";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatDateTime } from "@/lib/format/dates";
import { type StaffUser, type StaffUserChange, staffUsersQuery, updateStaffUser } from "@/lib/queries/admin";
import { refreshQueries } from "@/lib/queries/refresh-queries";
import { SetPasswordForm } from "./set-password-form";

const ROLES = ["admin", "finance", "viewer"] as const;

/** One staff user with the admin's controls: role, disable or enable, a new password. */
export function StaffUserRow({ user }: { user: StaffUser }) {
  const queryClient = useQueryClient();
  const [confirmingDisable, setConfirmingDisable] = useState(false);
  const [settingPassword, setSettingPassword] = useState(false);
  const change = useMutation({
    mutationFn: (input: StaffUserChange) => updateStaffUser(user.id, input),
    onSettled: () => refreshQueries(queryClient, staffUsersQuery().queryKey),
  });
  return (
    <>
      <tr>
        <td className="py-2 pr-4">{user.email}</td>
        <td className="py-2 pr-4">
          <select
            aria-label={`Role of ${user.email}`}
            value={user.role}
            disabled={change.isPending}
            onChange={(event) => change.mutate({ role: event.target.value as StaffUser["role"] })}
            className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm capitalize"
          >
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </select>
        </td>
        <td className="py-2 pr-4">
          <StatusBadge status={user.disabled ? "disabled" : "active"} />
        </td>
        <td className="py-2 pr-4">{formatDateTime(user.created_at)}</td>
        <td className="space-x-1 py-2 text-right whitespace-nowrap">
          <Button
            variant="ghost"
            aria-label={`Set a new password for ${user.email}`}
            onClick={() => setSettingPassword((open) => !open)}
          >
            New password
          </Button>
          {user.disabled ? (
            <Button
              variant="ghost"
              aria-label={`Enable ${user.email}`}
              disabled={change.isPending}
              onClick={() => change.mutate({ disabled: false })}
            >
              Enable
            </Button>
          ) : (
            <Button
              variant="ghost"
              aria-label={`Disable ${user.email}`}
              onClick={() => setConfirmingDisable(true)}
            >
              Disable
            </Button>
          )}
        </td>
      </tr>
      {change.isError || settingPassword ? (
        <tr>
          <td colSpan={5} className="space-y-2 pb-3">
            {change.isError ? <ErrorText error={change.error} /> : null}
            {settingPassword ? (
              <SetPasswordForm
                email={user.email}
                busy={change.isPending}
                onSubmit={(password) =>
                  change.mutate({ password }, { onSuccess: () => setSettingPassword(false) })
                }
              />
            ) : null}
          </td>
        </tr>
      ) : null}
      <ConfirmDialog
        open={confirmingDisable}
        title={`Disable ${user.email}?`}
        message="They are signed out everywhere at once and cannot sign in until an admin enables them again."
        confirmLabel="Disable user"
        busy={change.isPending}
        onCancel={() => setConfirmingDisable(false)}
        onConfirm={() => change.mutate({ disabled: true }, { onSettled: () => setConfirmingDisable(false) })}
      />
    </>
  );
}

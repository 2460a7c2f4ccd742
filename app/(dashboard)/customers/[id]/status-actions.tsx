"use client";

import { useState } from "react";
import { useCanWrite } from "@/components/providers/staff-session";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ErrorText } from "@/components/ui/query-state";
import { deleteCustomer, updateCustomer } from "@/lib/queries/customers";
import type { Customer } from "@/lib/queries/types";
import { useCustomerMutation } from "@/lib/queries/use-customer-mutation";

type Action = "suspend" | "reactivate" | "delete";

const CONFIRMATIONS: Record<Action, { title: string; message: string; label: string }> = {
  suspend: {
    title: "Suspend this customer?",
    message: "A suspended customer gets no new payment links, subscriptions or charges until reactivated.",
    label: "Suspend",
  },
  reactivate: {
    title: "Reactivate this customer?",
    message: "The customer becomes active again.",
    label: "Reactivate",
  },
  delete: {
    title: "Delete this customer?",
    message:
      "Open payment links are revoked and active subscriptions canceled. The record stays for the books, but cannot be changed again.",
    label: "Delete customer",
  },
};

/** Suspend, reactivate and delete, each confirmed first; hidden for viewers and deleted customers. */
export function StatusActions({ customer }: { customer: Customer }) {
  const canWrite = useCanWrite();
  const [pending, setPending] = useState<Action | null>(null);
  const mutation = useCustomerMutation(customer.id, (action: Action) =>
    action === "delete"
      ? deleteCustomer(customer.id)
      : updateCustomer(customer.id, { status: action === "suspend" ? "suspended" : "active" }),
  );
  if (!canWrite || customer.status === "deleted") return null;
  const confirmation = pending ? CONFIRMATIONS[pending] : null;
  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex gap-2">
        {customer.status === "active" ? <Button onClick={() => setPending("suspend")}>Suspend</Button> : null}
        {customer.status === "suspended" ? (
          <Button onClick={() => setPending("reactivate")}>Reactivate</Button>
        ) : null}
        <Button variant="danger" onClick={() => setPending("delete")}>
          Delete
        </Button>
      </div>
      {mutation.isError ? <ErrorText error={mutation.error} /> : null}
      <ConfirmDialog
        open={pending !== null}
        title={confirmation?.title ?? ""}
        message={confirmation?.message ?? ""}
        confirmLabel={confirmation?.label ?? ""}
        confirmVariant={pending === "reactivate" ? "primary" : "danger"}
        busy={mutation.isPending}
        onCancel={() => setPending(null)}
        onConfirm={() => pending && mutation.mutate(pending, { onSettled: () => setPending(null) })}
      />
    </div>
  );
}

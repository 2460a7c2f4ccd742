import { StatusBadge } from "@/components/ui/status-badge";
import { customerLabel } from "@/lib/format/customer-label";
import { formatDateTime } from "@/lib/format/dates";
import type { Customer } from "@/lib/queries/types";
import { StatusActions } from "./status-actions";

export function CustomerHeader({ customer }: { customer: Customer }) {
  return (
    <header className="flex flex-wrap items-start justify-between gap-4">
      <div>
        <h1 className="flex items-center gap-3 text-2xl font-semibold">
          {customerLabel(customer)}
          <StatusBadge status={customer.status} />
        </h1>
        <p className="mt-1 text-sm text-slate-600">
          <span className="font-mono">{customer.id}</span> · external id{" "}
          <span className="font-mono">{customer.external_id}</span> · created{" "}
          {formatDateTime(customer.created_at)}
        </p>
      </div>
      <StatusActions customer={customer} />
    </header>
  );
}

"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import type { CustomerStatus } from "@/lib/queries/types";

const STATUS_OPTIONS = [
  { value: "", label: "Active and suspended" },
  { value: "active", label: "Active" },
  { value: "suspended", label: "Suspended" },
  { value: "deleted", label: "Deleted" },
] as const;

/** Search and status filter; each change starts again from the first page. */
export function CustomerFilters({
  q,
  status,
  onChange,
}: {
  q: string | undefined;
  status: CustomerStatus | undefined;
  onChange: (filters: { q?: string; status?: CustomerStatus }) => void;
}) {
  const [text, setText] = useState(q ?? "");
  // Back/forward changes the URL under us: follow it.
  useEffect(() => setText(q ?? ""), [q]);
  return (
    <search>
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          onChange({ q: text.trim() || undefined, status });
        }}
      >
        <div className="min-w-64 flex-1">
          <label htmlFor="customer-search" className="block text-sm font-medium text-slate-700">
            Search customers
          </label>
          <input
            id="customer-search"
            type="search"
            value={text}
            maxLength={200}
            onChange={(event) => setText(event.target.value)}
            placeholder="Email, company or external id"
            className="mt-1 block w-full rounded-md border border-slate-300 px-2.5 py-1.5 text-sm shadow-sm"
          />
        </div>
        <SelectField
          label="Status"
          className="w-52"
          options={STATUS_OPTIONS}
          value={status ?? ""}
          onChange={(event) =>
            onChange({
              q: text.trim() || undefined,
              status: (event.target.value || undefined) as CustomerStatus | undefined,
            })
          }
        />
        <Button type="submit" variant="primary">
          Search
        </Button>
      </form>
    </search>
  );
}

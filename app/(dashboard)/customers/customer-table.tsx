"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { ColumnHeaders } from "@/components/ui/column-headers";
import { ErrorText, LoadingText } from "@/components/ui/query-state";
import { StatusBadge } from "@/components/ui/status-badge";
import { customerLabel } from "@/lib/format/customer-label";
import { formatDate } from "@/lib/format/dates";
import { customerListQuery } from "@/lib/queries/customers";
import { CustomerEmptyState } from "./customer-empty-state";
import { CustomerFilters } from "./customer-filters";
import { CustomerPagination } from "./customer-pagination";
import {
  type ListUrlState,
  listHref,
  nextPage,
  previousPage,
  queryParamsOf,
  readListState,
  toggledOrder,
} from "./list-params";

/** Newest first (or oldest first), one page at a time; everything it shows is in the URL, so it can be shared. */
export function CustomerTable() {
  const router = useRouter();
  const state = readListState(useSearchParams());
  const query = useQuery(customerListQuery(queryParamsOf(state)));
  const go = (next: ListUrlState) => router.push(listHref(next), { scroll: false });

  return (
    <div className="mt-6 space-y-4">
      <CustomerFilters
        q={state.q}
        status={state.status}
        onChange={(filters) => go({ ...filters, order: state.order, trail: [] })}
      />
      <div
        className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm"
        aria-busy={query.isFetching}
      >
        {query.isPending ? (
          <div className="p-6">
            <LoadingText what="customers" />
          </div>
        ) : query.isError ? (
          <div className="p-6">
            <ErrorText error={query.error} onRetry={() => void query.refetch()} />
          </div>
        ) : query.data.data.length === 0 ? (
          <CustomerEmptyState filtered={Boolean(state.q || state.status || state.cursor)} />
        ) : (
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">Customers, newest first</caption>
            <ColumnHeaders
              className="bg-slate-50"
              columns={[
                { label: "Customer", className: "px-4 py-2.5" },
                { label: "External id", className: "px-4 py-2.5" },
                { label: "Status", className: "px-4 py-2.5" },
                { label: "Country", className: "px-4 py-2.5" },
                {
                  className: "px-4 py-2.5",
                  sort: state.order === "oldest" ? "ascending" : "descending",
                  label: (
                    <button
                      type="button"
                      className="inline-flex items-center gap-1 font-medium hover:text-slate-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500"
                      onClick={() => go(toggledOrder(state))}
                    >
                      Created <span aria-hidden="true">{state.order === "oldest" ? "↑" : "↓"}</span>
                      <span className="sr-only">
                        {state.order === "oldest"
                          ? "(oldest first; sort newest first)"
                          : "(newest first; sort oldest first)"}
                      </span>
                    </button>
                  ),
                },
              ]}
            />
            <tbody className="divide-y divide-slate-100">
              {query.data.data.map((customer) => (
                <tr key={customer.id} className="hover:bg-slate-50">
                  <td className="px-4 py-2.5">
                    <Link
                      href={`/customers/${customer.id}`}
                      className="font-medium text-indigo-700 hover:underline"
                    >
                      {customerLabel(customer)}
                    </Link>
                    <div className="text-xs text-slate-600">{customer.email}</div>
                  </td>
                  <td className="px-4 py-2.5 font-mono text-xs">{customer.external_id}</td>
                  <td className="px-4 py-2.5">
                    <StatusBadge status={customer.status} />
                  </td>
                  <td className="px-4 py-2.5">{customer.address.country}</td>
                  <td className="px-4 py-2.5 whitespace-nowrap">{formatDate(customer.created_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <CustomerPagination
        hasPrevious={state.trail.length > 0}
        nextCursor={query.data?.next_cursor ?? null}
        onPrevious={() => go(previousPage(state))}
        onNext={(cursor) => go(nextPage(state, cursor))}
      />
    </div>
  );
}

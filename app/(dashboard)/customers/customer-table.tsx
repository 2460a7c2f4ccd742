"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter, useSearchParams } from "next/navigation";
import { ColumnHeaders } from "@/components/ui/column-headers";
import { ErrorText, LoadingText } from "@/components/ui/query-state";
import { customerListQuery } from "@/lib/queries/customers";
import { CustomerEmptyState } from "./customer-empty-state";
import { CustomerExportButton } from "./customer-export-button";
import { CustomerFilters } from "./customer-filters";
import { CustomerPagination } from "./customer-pagination";
import { CustomerRow } from "./customer-row";
import {
  filtered,
  isAscending,
  isFiltered,
  type ListUrlState,
  listHref,
  nextPage,
  previousPage,
  queryParamsOf,
  readListState,
  toggledOrder,
} from "./list-params";

const cell = "px-4 py-2.5";

/** One page of the filtered, sorted list; everything it shows is in the URL, so it can be shared. */
export function CustomerTable() {
  const router = useRouter();
  const state = readListState(useSearchParams());
  const params = queryParamsOf(state);
  const query = useQuery(customerListQuery(params));
  const go = (next: ListUrlState) => router.push(listHref(next), { scroll: false });
  const byCreation = state.sort === undefined || state.sort === "created";
  const { cursor: _cursor, ...filters } = params;

  return (
    <div className="mt-6 space-y-4">
      {/* Remounted when the URL changes (back/forward), so the form shows what the URL says. */}
      <CustomerFilters
        key={listHref({ ...state, cursor: undefined, trail: [] })}
        filters={filters}
        onChange={(next) => go(filtered(next))}
      />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-700" data-testid="customer-total">
          {query.data?.total_count === undefined ? "" : `${query.data.total_count} customers match`}
        </p>
        <CustomerExportButton params={params} total={query.data?.total_count} />
      </div>
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
          <CustomerEmptyState filtered={isFiltered(state)} />
        ) : (
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">Customers</caption>
            <ColumnHeaders
              className="bg-slate-50"
              columns={[
                { label: "Customer", className: cell },
                { label: "Status", className: cell },
                { label: "Country", className: cell },
                { label: "MRR", className: cell },
                { label: "YRR", className: cell },
                { label: "Risk", className: cell },
                { label: "Card", className: cell },
                {
                  className: cell,
                  ...(byCreation
                    ? { sort: isAscending(state) ? ("ascending" as const) : ("descending" as const) }
                    : {}),
                  label: (
                    <button
                      type="button"
                      className="inline-flex items-center gap-1 font-medium hover:text-slate-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500"
                      onClick={() => go(toggledOrder(state))}
                    >
                      Created{" "}
                      {byCreation ? <span aria-hidden="true">{isAscending(state) ? "↑" : "↓"}</span> : null}
                      <span className="sr-only">
                        {byCreation && !isAscending(state)
                          ? "(newest first; sort oldest first)"
                          : "(sort by creation)"}
                      </span>
                    </button>
                  ),
                },
              ]}
            />
            <tbody className="divide-y divide-slate-100">
              {query.data.data.map((customer) => (
                <CustomerRow key={customer.id} customer={customer} />
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

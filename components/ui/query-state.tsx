"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { errorMessage } from "@/lib/queries/api-fetch";
import { RenderBoundary } from "./render-boundary";

export function LoadingText({ what }: { what: string }) {
  return (
    <p role="status" className="animate-pulse text-sm text-slate-500">
      Loading {what}…
    </p>
  );
}

export function ErrorText({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <div role="alert" className="rounded-md bg-rose-50 p-3 text-sm text-rose-800">
      {errorMessage(error)}
      {onRetry ? (
        <button type="button" onClick={onRetry} className="ml-2 font-medium underline">
          Try again
        </button>
      ) : null}
    </div>
  );
}

/** Renders a query's loading and error states the same way everywhere, and the data once it is there. */
export function QueryState<T>({
  query,
  what,
  children,
}: {
  query: UseQueryResult<T>;
  what: string;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <LoadingText what={what} />;
  if (query.isError) return <ErrorText error={query.error} onRetry={() => void query.refetch()} />;
  return <RenderBoundary what={what}>{children(query.data)}</RenderBoundary>;
}

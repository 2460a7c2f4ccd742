import { isServer, QueryClient } from "@tanstack/react-query";
import { ApiProblem } from "./api-fetch";

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Data prefetched on the server is fresh on arrival; do not refetch it at once.
        staleTime: 30_000,
        // A 4xx will not change by retrying; a flaky network might, and so does a 429 (another
        // tab's report still running: the API runs only a few per user at once).
        retry: (failureCount, error) =>
          !(error instanceof ApiProblem && error.status < 500 && error.status !== 429) && failureCount < 2,
      },
    },
  });
}

let browserQueryClient: QueryClient | undefined;

/** A new client per server request (no data shared between users), one for the browser's lifetime. */
export function getQueryClient(): QueryClient {
  if (isServer) return makeQueryClient();
  browserQueryClient ??= makeQueryClient();
  return browserQueryClient;
}

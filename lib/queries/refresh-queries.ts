import type { QueryClient, QueryKey } from "@tanstack/react-query";

/**
 * Refetches after a mutation, including when the first load is still on its way: TanStack
 * Query's invalidate lets a fetch that has no data yet run on rather than restart it, and that
 * fetch may have left before the mutation and come back without its result (seen with a key
 * created while the key list was still loading). Cancelling first makes the refetch start now.
 */
export async function refreshQueries(queryClient: QueryClient, queryKey: QueryKey): Promise<void> {
  await queryClient.cancelQueries({ queryKey });
  await queryClient.invalidateQueries({ queryKey });
}

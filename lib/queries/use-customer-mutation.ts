"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { customerKeys } from "./customers";
import { refreshQueries } from "./refresh-queries";
import type { Customer } from "./types";

/**
 * A write that answers with the customer: the answer replaces the cached customer at once,
 * and everything under "customers" (lists, audit trail, graph, metrics) is refetched, since
 * any of it may have changed with the write. With `optimistic`, the cache shows the expected
 * result while the request runs and is rolled back if it fails.
 */
export function useCustomerMutation<Input>(
  id: string,
  write: (input: Input) => Promise<Customer>,
  optimistic?: (customer: Customer, input: Input) => Customer,
) {
  const queryClient = useQueryClient();
  const key = customerKeys.detail(id);
  return useMutation({
    mutationFn: write,
    onMutate: async (input) => {
      if (!optimistic) return { previous: undefined };
      await queryClient.cancelQueries({ queryKey: key, exact: true });
      const previous = queryClient.getQueryData<Customer>(key);
      if (previous) queryClient.setQueryData(key, optimistic(previous, input));
      return { previous };
    },
    onError: (_error, _input, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
    },
    onSuccess: (customer) => {
      queryClient.setQueryData(key, customer);
    },
    onSettled: () => refreshQueries(queryClient, customerKeys.all),
  });
}

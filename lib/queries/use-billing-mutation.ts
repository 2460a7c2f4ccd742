"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef } from "react";
import { customerKeys } from "./customers";
import { refreshQueries } from "./refresh-queries";
import { useIdempotencyKey } from "./use-idempotency-key";

/**
 * A billing write from a form on the customer page. On success everything under the customer
 * (subscriptions, charges, metrics, audit trail, graph) and the list are refetched, so the
 * result shows without a reload. `submit` ignores a submission while one is in flight (a
 * double click), and each submission carries its Idempotency-Key, so even a request that does
 * go out twice acts once.
 */
export function useBillingMutation<Body, Result>(
  customerId: string,
  write: (body: Body, idempotencyKey: string) => Promise<Result>,
  onDone?: (result: Result) => void,
) {
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  const inFlight = useRef(false);
  const mutation = useMutation({
    mutationFn: ({ body, key }: { body: Body; key: string }) => write(body, key),
    onSuccess: (result) => {
      idempotency.succeeded();
      onDone?.(result);
    },
    onSettled: async () => {
      inFlight.current = false;
      await Promise.all([
        refreshQueries(queryClient, customerKeys.detail(customerId)),
        queryClient.invalidateQueries({ queryKey: ["customers", "list"] }),
      ]);
    },
  });
  return {
    mutation,
    submit(body: Body) {
      if (inFlight.current) return;
      inFlight.current = true;
      mutation.mutate({ body, key: idempotency.keyFor(body) });
    },
  };
}

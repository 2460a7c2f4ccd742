import { queryOptions } from "@tanstack/react-query";
import { apiFetch } from "./api-fetch";
import { customerResourceQuery } from "./customers";
import type { BookMetrics, Charge, CustomerGraph, CustomerMetrics, ListPage, Subscription } from "./types";

export const subscriptionsQuery = (id: string) =>
  customerResourceQuery<ListPage<Subscription>>(id, "subscriptions");
export const chargesQuery = (id: string) => customerResourceQuery<ListPage<Charge>>(id, "charges");
export const customerGraphQuery = (id: string) => customerResourceQuery<CustomerGraph>(id, "graph");
export const customerMetricsQuery = (id: string) => customerResourceQuery<CustomerMetrics>(id, "metrics");

export const bookMetricsQuery = () =>
  queryOptions({
    queryKey: ["metrics", "book"] as const,
    queryFn: () => apiFetch<BookMetrics>("/metrics.json"),
  });

import { queryOptions } from "@tanstack/react-query";
import { apiFetchOptional } from "./api-fetch";
import type { Charge, CustomerGraph, CustomerMetrics, ListPage, Subscription } from "./types";

// The billing endpoints land separately; each answers null while it does not exist (404), so
// the pages can say "not available yet" instead of failing.
const billingQuery = <T>(id: string, resource: string) =>
  queryOptions({
    queryKey: ["customers", "detail", id, resource] as const,
    queryFn: () => apiFetchOptional<T>(`/customers/${id}/${resource}.json`),
  });

export const subscriptionsQuery = (id: string) => billingQuery<ListPage<Subscription>>(id, "subscriptions");
export const chargesQuery = (id: string) => billingQuery<ListPage<Charge>>(id, "charges");
export const customerGraphQuery = (id: string) => billingQuery<CustomerGraph>(id, "graph");
export const customerMetricsQuery = (id: string) => billingQuery<CustomerMetrics>(id, "metrics");

export interface BookMetrics {
  data?: BookCurrencyMetrics[];
  currencies?: BookCurrencyMetrics[];
  customers?: { by_status?: Record<string, number> } & Record<string, unknown>;
  customer_counts?: Record<string, number>;
  at_risk?: AtRiskCustomer[];
  customers_at_risk?: AtRiskCustomer[];
  [other: string]: unknown;
}

export interface BookCurrencyMetrics {
  currency: string;
  mrr: number;
  yrr: number;
  movements?: Record<string, number | { count?: number; amount?: number }>;
  [other: string]: unknown;
}

export interface AtRiskCustomer {
  id?: string;
  customer_id?: string;
  label?: string;
  company_name?: string | null;
  email?: string;
  level?: string;
  score?: number;
}

export const bookMetricsQuery = () =>
  queryOptions({
    queryKey: ["metrics", "book"] as const,
    queryFn: () => apiFetchOptional<BookMetrics>("/metrics.json"),
  });

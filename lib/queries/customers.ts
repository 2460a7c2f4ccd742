import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { Property } from "../validations/properties";
import { apiFetch } from "./api-fetch";
import type { Customer, CustomerStatus, ListPage, PaymentLinkCreated } from "./types";

export interface CustomerListParams {
  q?: string;
  status?: CustomerStatus;
  cursor?: string;
  order?: "newest" | "oldest";
}

export const CUSTOMER_PAGE_SIZE = 20;

export const customerKeys = {
  all: ["customers"] as const,
  list: (params: CustomerListParams) => ["customers", "list", params] as const,
  detail: (id: string) => ["customers", "detail", id] as const,
};

export function customerListPath(params: CustomerListParams): string {
  const search = new URLSearchParams({ limit: String(CUSTOMER_PAGE_SIZE) });
  if (params.q) search.set("q", params.q);
  if (params.status) search.set("status", params.status);
  if (params.cursor) search.set("cursor", params.cursor);
  if (params.order === "oldest") search.set("order", "oldest");
  return `/customers.json?${search}`;
}

export const customerListQuery = (params: CustomerListParams) =>
  queryOptions({
    queryKey: customerKeys.list(params),
    queryFn: () => apiFetch<ListPage<Customer>>(customerListPath(params)),
    // Keep the old page on screen while the next one loads, so the table does not jump.
    placeholderData: keepPreviousData,
  });

export const customerQuery = (id: string) =>
  queryOptions({
    queryKey: customerKeys.detail(id),
    queryFn: () => apiFetch<Customer>(`/customers/${id}.json`),
  });

/**
 * A read-only resource under /customers/{id}/… (subscriptions, metrics, payment methods, …),
 * keyed under the customer so that refreshing the customer refreshes it too.
 */
export const customerResourceQuery = <T>(id: string, resource: string) =>
  queryOptions({
    queryKey: [...customerKeys.detail(id), resource] as const,
    queryFn: () => apiFetch<T>(`/customers/${id}/${resource}.json`),
  });

export type CustomerPatch = Partial<Pick<Customer, "email" | "company_name" | "address" | "status">>;

export const updateCustomer = (id: string, patch: CustomerPatch) =>
  apiFetch<Customer>(`/customers/${id}.json`, { method: "PATCH", body: patch });

export const deleteCustomer = (id: string) =>
  apiFetch<Customer>(`/customers/${id}.json`, { method: "DELETE" });

export const replaceProperties = (id: string, properties: Property[]) =>
  apiFetch<Customer>(`/customers/${id}/properties.json`, { method: "PUT", body: { properties } });

export const generatePaymentLink = (id: string) =>
  apiFetch<PaymentLinkCreated>(`/customers/${id}/payment_link.json`);

import * as api from "@donutwork/api-client";
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { formatBracketParams } from "../validations/bracket-params";
import type { Property } from "../validations/properties";
import { dataOf, fromPages } from "./api-fetch";

/** The list's query as the API takes it (every filter, the sort, the cursor), paging size and total aside. */
export type CustomerListParams = Omit<NonNullable<api.ListCustomersData["query"]>, "limit" | "include">;

export const CUSTOMER_PAGE_SIZE = 20;

export const customerKeys = {
  all: ["customers"] as const,
  list: (params: CustomerListParams) => ["customers", "list", params] as const,
  detail: (id: string) => ["customers", "detail", id] as const,
};

/** A page of the table, with the total the filters match (the export's progress counts against it). */
export function customerListQueryParams(
  params: CustomerListParams,
): NonNullable<api.ListCustomersData["query"]> {
  return { ...params, limit: CUSTOMER_PAGE_SIZE, include: ["total_count"] };
}

/**
 * The generated client writes one level of deepObject; `properties[key][gte]` needs two, so the
 * list's calls spell their query with the API's own bracket module.
 */
export const bracketQuery = {
  querySerializer: (query: Record<string, unknown>) => formatBracketParams(query),
};

export const customerListQuery = (params: CustomerListParams) =>
  queryOptions({
    queryKey: customerKeys.list(params),
    queryFn: () =>
      dataOf(api.listCustomers({ ...fromPages, ...bracketQuery, query: customerListQueryParams(params) })),
    // Keep the old page on screen while the next one loads, so the table does not jump.
    placeholderData: keepPreviousData,
  });

export const customerQuery = (id: string) =>
  queryOptions({
    queryKey: customerKeys.detail(id),
    queryFn: () => dataOf(api.getCustomer({ ...fromPages, path: { id } })),
  });

/**
 * A read-only resource under /customers/{id}/… (subscriptions, metrics, payment methods, …),
 * keyed under the customer so that refreshing the customer refreshes it too.
 */
export const customerResourceQuery = <T>(id: string, resource: string, read: () => Promise<T>) =>
  queryOptions({
    queryKey: [...customerKeys.detail(id), resource] as const,
    queryFn: read,
  });

export type CustomerPatch = NonNullable<api.UpdateCustomerData["body"]>;

export const updateCustomer = (id: string, patch: CustomerPatch) =>
  dataOf(api.updateCustomer({ ...fromPages, path: { id }, body: patch }));

export const deleteCustomer = (id: string) => dataOf(api.deleteCustomer({ ...fromPages, path: { id } }));

export const replaceProperties = (id: string, properties: Property[]) =>
  dataOf(api.replaceCustomerProperties({ ...fromPages, path: { id }, body: { properties } }));

export const generatePaymentLink = (id: string) =>
  dataOf(api.createPaymentLink({ ...fromPages, path: { id } }));

export type NewCustomer = NonNullable<api.CreateCustomerData["body"]>;

/**
 * Creates a customer, its properties included, in one POST under the submission's
 * Idempotency-Key, so a retry replays the customer instead of making a second one.
 */
export const createCustomer = (body: NewCustomer, key: string) =>
  dataOf(api.createCustomer({ ...fromPages, headers: { "idempotency-key": key }, body }));

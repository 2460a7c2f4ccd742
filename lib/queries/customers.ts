import * as api from "@donutwork/api-client";
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { Property } from "../validations/properties";
import { dataOf, fromPages } from "./api-fetch";
import type { CustomerStatus } from "./types";

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

/** The list query of a page of the table; the API's own default order is left out of the URL. */
export function customerListQueryParams(params: CustomerListParams): api.ListCustomersData["query"] {
  return {
    limit: CUSTOMER_PAGE_SIZE,
    ...(params.q ? { q: params.q } : {}),
    ...(params.status ? { status: params.status } : {}),
    ...(params.cursor ? { cursor: params.cursor } : {}),
    ...(params.order === "oldest" ? { order: "oldest" as const } : {}),
  };
}

export const customerListQuery = (params: CustomerListParams) =>
  queryOptions({
    queryKey: customerKeys.list(params),
    queryFn: () => dataOf(api.listCustomers({ ...fromPages, query: customerListQueryParams(params) })),
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
 * Creates a customer with its properties in one submission. POST /customers.json does not take
 * `properties` on this branch yet (the customer-filters branch adds it), so they follow in a
 * PUT; the POST carries the submission's Idempotency-Key, so a retry replays the customer
 * instead of making a second one and then sets the same properties again.
 */
export async function createCustomer(body: NewCustomer, properties: Property[], key: string) {
  const customer = await dataOf(
    api.createCustomer({ ...fromPages, headers: { "idempotency-key": key }, body }),
  );
  return properties.length === 0 ? customer : replaceProperties(customer.id, properties);
}

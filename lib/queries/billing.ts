import * as api from "@donutwork/api-client";
import { queryOptions } from "@tanstack/react-query";
import { dataOf, fromPages } from "./api-fetch";
import { customerResourceQuery } from "./customers";

export const subscriptionsQuery = (id: string) =>
  customerResourceQuery(id, "subscriptions", () =>
    dataOf(api.listSubscriptions({ ...fromPages, path: { id } })),
  );
export const chargesQuery = (id: string) =>
  customerResourceQuery(id, "charges", () => dataOf(api.listCharges({ ...fromPages, path: { id } })));
export const invoicesQuery = (id: string) =>
  customerResourceQuery(id, "invoices", () =>
    dataOf(api.listCustomerInvoices({ ...fromPages, path: { id } })),
  );
export const customerGraphQuery = (id: string) =>
  customerResourceQuery(id, "graph", () => dataOf(api.getCustomerGraph({ ...fromPages, path: { id } })));
export const customerMetricsQuery = (id: string) =>
  customerResourceQuery(id, "metrics", () => dataOf(api.getCustomerMetrics({ ...fromPages, path: { id } })));

export const bookMetricsQuery = () =>
  queryOptions({
    queryKey: ["metrics", "book"] as const,
    queryFn: () => dataOf(api.getBookMetrics({ ...fromPages })),
  });

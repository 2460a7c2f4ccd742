import * as api from "@donutwork/api-client";
import { queryOptions } from "@tanstack/react-query";
import { dataOf, fromPages, internalCall } from "./api-fetch";
import type { ListPage } from "./types";

export type { WebhookEndpoint } from "./types";

export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  last_used_at: string | null;
  revoked_at: string | null;
  created_at: string;
}

export interface StaffUser {
  id: string;
  email: string;
  role: "admin" | "finance" | "viewer";
  disabled: boolean;
  disabled_at: string | null;
  created_at: string;
}

export interface StaffUserChange {
  role?: StaffUser["role"];
  disabled?: boolean;
  password?: string;
}

// API keys and staff users have no operation in the public document (they are not for
// integrators), so their calls go through the same client untyped by it.
export const apiKeysQuery = () =>
  queryOptions({
    queryKey: ["admin", "api-keys"] as const,
    queryFn: () => internalCall<ListPage<ApiKey>>("/api_keys.json"),
  });

export const staffUsersQuery = () =>
  queryOptions({
    queryKey: ["admin", "staff-users"] as const,
    queryFn: () => internalCall<ListPage<StaffUser>>("/staff_users.json"),
  });

export const webhookEndpointsQuery = () =>
  queryOptions({
    queryKey: ["admin", "webhook-endpoints"] as const,
    queryFn: () => dataOf(api.listWebhookEndpoints({ ...fromPages })),
  });

export const createApiKey = (input: { name: string; scopes: string[] }) =>
  internalCall<ApiKey & { secret: string }>("/api_keys.json", { method: "POST", body: input });

export const revokeApiKey = (id: string) =>
  internalCall<{ id: string }>(`/api_keys/${id}.json`, { method: "DELETE" });

export const createStaffUser = (input: { email: string; password: string; role: string }) =>
  internalCall<StaffUser>("/staff_users.json", { method: "POST", body: input });

export const updateStaffUser = (id: string, change: StaffUserChange) =>
  internalCall<StaffUser>(`/staff_users/${id}.json`, { method: "PATCH", body: change });

export const createWebhookEndpoint = (input: NonNullable<api.CreateWebhookEndpointData["body"]>) =>
  dataOf(api.createWebhookEndpoint({ ...fromPages, body: input }));

export const deleteWebhookEndpoint = (id: string) =>
  dataOf(api.deleteWebhookEndpoint({ ...fromPages, path: { id } }));

import { queryOptions } from "@tanstack/react-query";
import { apiFetch } from "./api-fetch";
import type { ListPage } from "./types";

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

export interface WebhookEndpoint {
  id: string;
  url: string;
  description: string | null;
  enabled_events: string[];
  created_at: string;
}

// API keys and staff users have no public .json path (they are not for integrators), so the
// pages call their route handlers under /api directly.
export const apiKeysQuery = () =>
  queryOptions({
    queryKey: ["admin", "api-keys"] as const,
    queryFn: () => apiFetch<ListPage<ApiKey>>("/api_keys.json"),
  });

export const staffUsersQuery = () =>
  queryOptions({
    queryKey: ["admin", "staff-users"] as const,
    queryFn: () => apiFetch<ListPage<StaffUser>>("/staff_users.json"),
  });

export const webhookEndpointsQuery = () =>
  queryOptions({
    queryKey: ["admin", "webhook-endpoints"] as const,
    queryFn: () => apiFetch<ListPage<WebhookEndpoint>>("/webhook_endpoints.json"),
  });

export const createApiKey = (input: { name: string; scopes: string[] }) =>
  apiFetch<ApiKey & { secret: string }>("/api_keys.json", { method: "POST", body: input });

export const revokeApiKey = (id: string) =>
  apiFetch<{ id: string }>(`/api_keys/${id}.json`, { method: "DELETE" });

export const createStaffUser = (input: { email: string; password: string; role: string }) =>
  apiFetch<StaffUser>("/staff_users.json", { method: "POST", body: input });

export const updateStaffUser = (id: string, change: StaffUserChange) =>
  apiFetch<StaffUser>(`/staff_users/${id}.json`, { method: "PATCH", body: change });

export const createWebhookEndpoint = (input: {
  url: string;
  enabled_events: string[];
  description?: string | null;
}) =>
  apiFetch<WebhookEndpoint & { secret: string }>("/webhook_endpoints.json", { method: "POST", body: input });

export const deleteWebhookEndpoint = (id: string) =>
  apiFetch<{ id: string }>(`/webhook_endpoints/${id}.json`, { method: "DELETE" });

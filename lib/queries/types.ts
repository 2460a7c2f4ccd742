import type { CustomerJson } from "../serializers/customer";

// The JSON shapes the pages read. Those the app serializes itself are derived from the
// serializers; the billing ones follow CONTRACT.md section 5 and the billing helper's spec.

export type Customer = CustomerJson;
export type CustomerStatus = Customer["status"];

export interface ListPage<T> {
  object: "list";
  data: T[];
  has_more: boolean;
  next_cursor: string | null;
}

export interface PaymentLinkCreated {
  id: string;
  url: string;
  expires_at: string;
  created_at: string;
}

export interface PaymentLinkSummary {
  id: string;
  status: "open" | "opened" | "completed" | "revoked" | "expired";
  expires_at: string;
  completed_at: string | null;
  created_at: string;
}

export interface PaymentMethod {
  id: string;
  brand: string;
  last4: string;
  exp_month: number;
  exp_year: number;
  is_default?: boolean;
  detached: boolean;
  created_at: string;
}

export interface WebhookDelivery {
  id: string;
  status: string;
  event_type: string;
  endpoint_url: string;
  attempt_count: number;
  last_status_code: number | null;
  last_error: string | null;
  delivered_at: string | null;
  created_at: string;
}

export interface AuditEntry {
  id: string;
  action: string;
  entity_type: string;
  entity_id: string;
  actor: { type: string; id: string | null; email: string | null };
  created_at: string;
}

export interface Subscription {
  id: string;
  status: string;
  description?: string | null;
  amount: number;
  currency: string;
  interval: string;
  quantity?: number;
  current_period_end?: string | null;
  created_at?: string;
}

export interface Charge {
  id: string;
  status: string;
  amount: number;
  currency: string;
  description?: string | null;
  failure_message?: string | null;
  created_at?: string;
}

export interface GraphNode {
  id: string;
  type: string;
  label: string;
  [detail: string]: unknown;
}

export interface CustomerGraph {
  nodes: GraphNode[];
  edges: { source: string; target: string; type: string }[];
}

export interface RiskSignal {
  code: string;
  message: string;
}

export interface CustomerMetrics {
  /** null while the customer has no subscription (no currency to speak of yet). */
  currency: string | null;
  mrr: number;
  yrr: number;
  risk: { level: "low" | "medium" | "high"; score: number; signals: RiskSignal[] };
  history?: { date: string; mrr: number }[];
}

// TEMPORARY: the shapes of /work/briefs/issue14-contract.md, until the API's operations land and
// the generated client (packages/api-client) has them; then these become aliases in types.ts.

export type MovementType = "new" | "expansion" | "reactivation" | "contraction" | "churn";
export type SeriesInterval = "day" | "week" | "month";

export interface MovementFigure {
  count: number;
  amount: number;
}

export interface MrrPoint {
  period_start: string;
  period_end: string;
  start_mrr: number;
  end_mrr: number;
  end_yrr: number;
  paying_customers: number;
  movements: Record<MovementType, MovementFigure>;
  net_new_mrr: number;
}

export interface MrrSeries {
  object: "mrr_series";
  interval: SeriesInterval;
  from: string;
  to: string;
  series: { currency: string; points: MrrPoint[] }[];
}

export interface MrrChange {
  subscription_id: string;
  description: string;
  change: string;
  from: number | string | null;
  to: number | string | null;
}

export interface MrrMovement {
  object: "mrr_movement";
  id: string;
  at: string;
  date: string;
  currency: string;
  type: MovementType;
  mrr_before: number;
  mrr_after: number;
  amount: number;
  customer: { id: string; external_id: string; email: string; company_name: string | null };
  changes: MrrChange[];
}

export interface MrrMovementList {
  object: "list";
  data: MrrMovement[];
  has_more: boolean;
  next_cursor: string | null;
  totals: MovementFigure;
}

export interface BreakdownLine {
  subscription_id: string;
  description: string;
  status: string;
  currency: string;
  unit_amount: number;
  quantity: number;
  period_amount: number;
  interval: string;
  interval_count: number;
  months: number;
  discount: null | { percent_off: number | null; amount_off: number | null; amount: number };
  mrr: number;
  counts: boolean;
  reason: null | string;
}

export interface HistoryEntry {
  id: string;
  at: string;
  date: string;
  currency: string;
  type: MovementType;
  mrr_before: number;
  mrr_after: number;
  changes: MrrChange[];
}

export interface RiskEvidence {
  type: "payment_method" | "charge" | "subscription" | "invoice";
  id: string;
}

export interface CustomerRevenueDetails {
  currency: string | null;
  mrr: number;
  yrr: number;
  mrr_by_currency: Record<string, number>;
  daily_mrr: { date: string; mrr: number }[];
  breakdown: BreakdownLine[];
  history: HistoryEntry[];
  risk: {
    level: "low" | "medium" | "high";
    score: number;
    signals: { code: string; message: string; weight: number; since: string; evidence: RiskEvidence[] }[];
  };
  risk_history: { code: string; appeared_at: string; cleared_at: string | null }[];
}

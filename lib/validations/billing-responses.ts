import { z } from "zod";
import { CHANGE_KINDS } from "../metrics/subscription-changes";
import { RISK_SIGNAL_CODES } from "../metrics/types";
import {
  bookMetricsExample,
  chargeExample,
  customerMetricsExample,
  graphExample,
  mrrMovementListExample,
  mrrSeriesExample,
  refundExample,
  subscriptionExample,
} from "./examples";
import { eid, timestamp } from "./responses";

// The shapes the billing endpoints return; the OpenAPI document is generated from them.

const nullableTimestamp = timestamp.nullable();
const currency = z.string().meta({ description: "ISO 4217, upper case", example: "USD" });
const minorUnits = z.number().int().meta({ description: "Integer in the currency's minor unit" });
const byCurrency = z.record(z.string(), minorUnits);

export const subscriptionResponseSchema = z
  .object({
    id: eid("subscription"),
    object: z.literal("subscription"),
    customer_id: z.string(),
    description: z.string().nullable(),
    status: z
      .string()
      .meta({ description: "Stripe's status: active, trialing, past_due, canceled, incomplete, …" }),
    amount: minorUnits.meta({ description: "Unit amount per interval" }),
    currency,
    interval: z.enum(["month", "year"]),
    interval_count: z.number().int(),
    quantity: z.number().int(),
    mrr: minorUnits.meta({ description: "This subscription's contribution to MRR now" }),
    trial_end: nullableTimestamp,
    current_period_start: nullableTimestamp,
    current_period_end: nullableTimestamp,
    cancel_at_period_end: z.boolean(),
    canceled_at: nullableTimestamp,
    ended_at: nullableTimestamp,
    stripe_subscription_id: z.string(),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: "Subscription", example: subscriptionExample });

export const refundResponseSchema = z
  .object({
    id: z.string(),
    object: z.literal("refund"),
    charge_id: z.string(),
    amount: minorUnits,
    created_at: timestamp,
  })
  .meta({ id: "Refund", example: refundExample });

export const chargeResponseSchema = z
  .object({
    id: eid("charge"),
    object: z.literal("charge"),
    customer_id: z.string(),
    status: z.enum(["pending", "succeeded", "failed"]),
    amount: minorUnits,
    currency,
    description: z.string().nullable(),
    failure_code: z
      .string()
      .nullable()
      .meta({ description: "Stripe's code for a decline, e.g. card_declined" }),
    failure_message: z.string().nullable(),
    tax: minorUnits.meta({
      description: "The tax its invoice added on top of `amount` (0 without automatic tax or an invoice)",
    }),
    total: minorUnits.meta({ description: "What the card was charged: `amount` + `tax`" }),
    amount_refunded: minorUnits.meta({ description: "How much of `total` has been refunded" }),
    refunded: z.boolean().meta({ description: "Whether all of `total` has been refunded" }),
    disputed: z.boolean(),
    refunds: z.array(refundResponseSchema),
    invoice_id: eid("invoice").nullable().meta({
      description: "The invoice the charge is billed on (GET /invoices/{id}.json); null for older charges",
    }),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: "Charge", example: chargeExample });

const evidenceSchema = z
  .object({
    type: z.enum(["payment_method", "charge", "subscription", "invoice"]),
    id: z.string().meta({ example: "ch_01JD7Q5M9R2V6YQW3K8N4TB1ZX" }),
  })
  .meta({ id: "RiskEvidence", description: "A record the signal is about" });

/** Every signal assessRisk raises (lib/metrics/README.md has each one's rule and weight). */
const riskSignalCode = z.enum(RISK_SIGNAL_CODES).meta({ id: "RiskSignalCode" });

const riskSignalSchema = z.object({
  code: riskSignalCode,
  message: z.string(),
  weight: z.number().int(),
  evidence: z.array(evidenceSchema),
});

const riskSchema = z
  .object({
    level: z.enum(["low", "medium", "high"]),
    score: z.number().int().min(0).max(100),
    signals: z.array(riskSignalSchema),
  })
  .meta({ id: "Risk" });

const movementType = z.enum(["new", "expansion", "reactivation", "contraction", "churn"]);

const subscriptionChangeSchema = z
  .object({
    subscription_id: z.string().nullable(),
    description: z.string().nullable(),
    change: z.enum(CHANGE_KINDS),
    from: z.union([z.number(), z.string()]).nullable(),
    to: z.union([z.number(), z.string()]).nullable(),
  })
  .meta({
    id: "MrrChangeCause",
    description: "What changed in a subscription: `unknown` for changes recorded before causes were kept",
  });

/** One recorded change of a customer's MRR in a currency: one movement (the event rule, lib/metrics). */
const mrrChangeFields = {
  id: z.string().meta({ example: "mov_1042" }),
  at: timestamp,
  date: z.string().meta({ description: "UTC day of `at`", example: "2026-11-14" }),
  currency,
  type: movementType,
  mrr_before: minorUnits,
  mrr_after: minorUnits,
  changes: z.array(subscriptionChangeSchema),
};

const breakdownLineSchema = z.object({
  subscription_id: z.string(),
  description: z.string().nullable(),
  status: z.string(),
  currency,
  unit_amount: minorUnits,
  quantity: z.number().int(),
  period_amount: minorUnits.meta({ description: "unit_amount × quantity, per billing period" }),
  interval: z.enum(["month", "year"]),
  interval_count: z.number().int(),
  months: z.number().int().meta({ description: "The divisor from a billing period to a month" }),
  discount: z
    .object({ percent_off: z.number().nullable(), amount_off: minorUnits.nullable(), amount: minorUnits })
    .nullable()
    .meta({ description: "What the discount takes off the monthly figure; null without one" }),
  mrr: minorUnits,
  counts: z.boolean(),
  reason: z
    .enum(["trialing", "canceled", "unpaid", "paused", "incomplete", "incomplete_expired"])
    .nullable()
    .meta({ description: "Why the line does not count toward MRR (its status); null when it counts" }),
});

export const customerMetricsResponseSchema = z
  .object({
    object: z.literal("customer_metrics"),
    customer_id: z.string(),
    currency: currency.nullable().meta({
      description:
        "The primary currency: the one with the most MRR, ties going to the newest subscription's; null without subscriptions",
    }),
    mrr: minorUnits,
    yrr: minorUnits,
    mrr_by_currency: byCurrency,
    yrr_by_currency: byCurrency,
    mrr_30_days_ago: minorUnits.nullable(),
    risk: z.object({
      ...riskSchema.shape,
      signals: z.array(
        riskSignalSchema.extend({
          since: timestamp
            .nullable()
            .meta({ description: "When this signal last appeared (null until its kept period is written)" }),
        }),
      ),
    }),
    risk_history: z
      .array(z.object({ code: riskSignalCode, appeared_at: timestamp, cleared_at: timestamp.nullable() }))
      .meta({ description: "When each signal appeared and cleared, newest first" }),
    breakdown: z.array(breakdownLineSchema).meta({
      description:
        "One line per subscription (every status), newest first; the counted lines of a currency sum to mrr_by_currency",
    }),
    history: z
      .array(z.object(mrrChangeFields))
      .meta({ description: "The customer's MRR changes with their causes, newest first (at most 100)" }),
    daily_mrr: z
      .array(z.object({ date: z.string().meta({ example: "2026-11-01" }), mrr: minorUnits }))
      .meta({ description: "90 days, oldest first, MRR at the end of each UTC day in the primary currency" }),
    as_of: timestamp,
  })
  .meta({ id: "CustomerMetrics", example: customerMetricsExample });

const movementSchema = z.object({ count: z.number().int(), amount: minorUnits });

const movementTotalsSchema = z.object({
  new: movementSchema,
  expansion: movementSchema,
  reactivation: movementSchema,
  contraction: movementSchema,
  churn: movementSchema,
});

export const mrrSeriesResponseSchema = z
  .object({
    object: z.literal("mrr_series"),
    interval: z.enum(["day", "week", "month"]),
    from: z.string(),
    to: z.string(),
    series: z.array(
      z.object({
        currency,
        points: z.array(
          z.object({
            period_start: z.string(),
            period_end: z.string(),
            start_mrr: minorUnits,
            end_mrr: minorUnits,
            end_yrr: minorUnits,
            paying_customers: z
              .number()
              .int()
              .meta({ description: "Customers with MRR > 0 at the period's end" }),
            movements: movementTotalsSchema,
            net_new_mrr: z.number().int(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: "MrrSeries", example: mrrSeriesExample });

export const mrrMovementListResponseSchema = z
  .object({
    object: z.literal("list"),
    data: z.array(
      z
        .object({
          object: z.literal("mrr_movement"),
          ...mrrChangeFields,
          amount: minorUnits.meta({ description: "|mrr_after − mrr_before|" }),
          customer: z.object({
            id: z.string(),
            external_id: z.string(),
            email: z.string(),
            company_name: z.string().nullable(),
          }),
        })
        .meta({ id: "MrrMovement" }),
    ),
    has_more: z.boolean(),
    next_cursor: z.string().nullable(),
    totals: movementSchema.meta({ description: "Over the whole selection (every page)" }),
  })
  .meta({ id: "MrrMovementList", example: mrrMovementListExample });

export const bookMetricsResponseSchema = z
  .object({
    object: z.literal("book_metrics"),
    as_of: timestamp,
    currencies: z.array(
      z.object({
        currency,
        mrr: minorUnits,
        yrr: minorUnits,
        paying_customers: z.number().int(),
        live_subscriptions: z.number().int(),
        movements: z.object({
          new: movementSchema,
          expansion: movementSchema,
          contraction: movementSchema,
          churn: movementSchema,
          reactivation: movementSchema,
          net_new_mrr: z.number().int(),
        }),
      }),
    ),
    customer_counts: z.record(z.string(), z.number().int()),
    movements_period: z.object({ from: z.string(), to: z.string() }),
    at_risk: z.array(
      z.object({
        customer_id: z.string(),
        external_id: z.string(),
        company_name: z.string().nullable(),
        email: z.string(),
        level: z.enum(["low", "medium", "high"]),
        score: z.number().int(),
        signals: riskSchema.shape.signals,
        currency: currency.nullable(),
        mrr: minorUnits,
      }),
    ),
  })
  .meta({ id: "BookMetrics", example: bookMetricsExample });

export const graphResponseSchema = z
  .object({
    object: z.literal("graph"),
    customer_id: z.string(),
    nodes: z.array(
      z.object({
        id: z.string(),
        type: z.enum([
          "customer",
          "property",
          "payment_link",
          "payment_method",
          "subscription",
          "charge",
          "webhook_delivery",
        ]),
        label: z.string(),
        data: z.record(z.string(), z.unknown()).optional(),
      }),
    ),
    edges: z.array(z.object({ source: z.string(), target: z.string(), type: z.string() })),
  })
  .meta({ id: "CustomerGraph", example: graphExample });

export type SubscriptionResponse = z.infer<typeof subscriptionResponseSchema>;
export type RefundResponse = z.infer<typeof refundResponseSchema>;
export type ChargeResponse = z.infer<typeof chargeResponseSchema>;
export type GraphResponse = z.infer<typeof graphResponseSchema>;

import { z } from "zod";
import {
  bookMetricsExample,
  chargeExample,
  customerMetricsExample,
  graphExample,
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
    amount_refunded: minorUnits,
    refunded: z.boolean(),
    disputed: z.boolean(),
    refunds: z.array(refundResponseSchema),
    invoice_id: eid("invoice").nullable().meta({
      description: "The invoice the charge is billed on (GET /invoices/{id}.json); null for older charges",
    }),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: "Charge", example: chargeExample });

const riskSchema = z
  .object({
    level: z.enum(["low", "medium", "high"]),
    score: z.number().int().min(0).max(100),
    signals: z.array(z.object({ code: z.string(), message: z.string(), weight: z.number().int() })),
  })
  .meta({ id: "Risk" });

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
    risk: riskSchema,
    history: z
      .array(z.object({ date: z.string().meta({ example: "2026-11-01" }), mrr: minorUnits }))
      .meta({ description: "90 days, oldest first, MRR at the end of each UTC day in the primary currency" }),
    as_of: timestamp,
  })
  .meta({ id: "CustomerMetrics", example: customerMetricsExample });

const movementSchema = z.object({ count: z.number().int(), amount: minorUnits });

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

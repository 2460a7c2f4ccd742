import { z } from "zod";
import { createSubscriptionExample, updateSubscriptionExample } from "./examples";
import { text } from "./text";

/** ISO 4217, upper case, as in every money field of the API. */
export const currencySchema = z
  .string({ error: "is required" })
  .regex(/^[A-Z]{3}$/, "must be an ISO 4217 code in upper case, e.g. USD");

/** Stripe's ceiling on one amount, and on one invoice's: 99 999 999 minor units (8 digits). */
export const MAX_AMOUNT = 99_999_999;

/** A positive integer of minor units, at most Stripe's ceiling. */
export const amountSchema = z
  .number({ error: "must be an integer of minor units" })
  .int("must be an integer of minor units")
  .min(1, "must be positive")
  .max(MAX_AMOUNT, `must be at most ${MAX_AMOUNT}`);

/**
 * What is wrong with a period's amount × quantity, if anything: each period bills both on one
 * invoice, which Stripe refuses above its ceiling (and the subscription's kept MRR would not fit).
 */
export function periodTotalProblem(amount: number, quantity: number): string | null {
  return amount * quantity > MAX_AMOUNT
    ? `amount × quantity must be at most ${MAX_AMOUNT} per billing period (one invoice's ceiling at Stripe), not ${amount * quantity}`
    : null;
}

export const createSubscriptionSchema = z
  .strictObject({
    description: text(250, "is required").trim().min(1, "must not be empty"),
    amount: amountSchema,
    currency: currencySchema,
    interval: z.enum(["month", "year"], { error: "must be month or year" }),
    quantity: z.number().int("must be a whole number").min(1, "must be at least 1").max(10_000).default(1),
    trial_days: z
      .number()
      .int("must be a whole number")
      .min(0, "must not be negative")
      .max(730, "must be at most 730")
      .default(0),
  })
  .superRefine((input, context) => {
    const problem = periodTotalProblem(input.amount, input.quantity);
    if (problem) context.addIssue({ code: "custom", path: ["quantity"], message: problem });
  })
  .meta({ example: createSubscriptionExample });

/** PATCH: a new quantity or unit amount (or both), prorated by Stripe. */
export const updateSubscriptionSchema = z
  .strictObject({
    amount: amountSchema,
    quantity: createSubscriptionSchema.shape.quantity.unwrap(),
    description: createSubscriptionSchema.shape.description,
  })
  .partial()
  .refine((input) => Object.keys(input).length > 0, "send at least one of amount, quantity, description")
  .meta({ example: updateSubscriptionExample });

export const cancelSubscriptionQuerySchema = z.strictObject({
  at_period_end: z.enum(["true", "false"], { error: "must be true or false" }).default("false"),
});

export type CreateSubscriptionInput = z.infer<typeof createSubscriptionSchema>;
export type UpdateSubscriptionInput = z.infer<typeof updateSubscriptionSchema>;

export const isoDate = z
  .string()
  // A malformed date gets one problem, not also "must be a real date".
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "must be a date as YYYY-MM-DD", abort: true })
  // Round-tripped, not only parsed: V8's Date.parse takes "2026-02-30" as 2 March.
  .refine((value) => {
    const parsed = Date.parse(`${value}T00:00:00Z`);
    return !Number.isNaN(parsed) && new Date(parsed).toISOString().slice(0, 10) === value;
  }, "must be a real date");

/** GET /metrics.json: the movements period (UTC dates, both included) and how many at-risk customers. */
export const bookMetricsQuerySchema = z
  .strictObject({
    from: isoDate.optional(),
    to: isoDate.optional(),
    at_risk_limit: z.coerce.number().int("must be a whole number").min(0).max(100).default(10),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    message: "must not be after `to`",
    path: ["from"],
  });

export type BookMetricsQuery = z.infer<typeof bookMetricsQuerySchema>;

import { z } from "zod";
import { ID_PREFIXES, type IdKind } from "../ids";
import { addressSchema } from "./customer";
import { customerExample, paymentLinkExample, problemExample } from "./examples";
import { propertySchema } from "./properties";

// The shapes of what the API returns. The OpenAPI document is generated from them, and the
// API tests check real responses against that document.

export const timestamp = z.iso.datetime().meta({ description: "ISO 8601 UTC timestamp" });

/** An id of one kind (lib/ids), with an example of its shape for the OpenAPI document. */
export const eid = (kind: IdKind) =>
  z.string().meta({ example: `${ID_PREFIXES[kind]}_01JDQ3X5Z4Q8M2N6P7R9S0T1V2` });

const moneyPerCurrency = z.record(z.string().regex(/^[A-Z]{3}$/), z.number().int());

/** How far Stripe's copy of the customer's identity (email, company name, address) is behind ours. */
export const stripeSyncSchema = z
  .object({
    status: z.enum(["synced", "pending", "failed"]).meta({
      description:
        "synced: Stripe has the current email, company name and address; pending: a change is on its way; failed: the last push failed and is being retried",
    }),
    synced_at: timestamp.nullable().meta({ description: "When Stripe was last given the identity" }),
    last_error: z.string().nullable().meta({ description: "Why the last push failed; null after a success" }),
  })
  .nullable()
  .meta({
    description:
      "The Stripe customer's copy of the identity; null while the customer has no Stripe customer (it is created with the current identity when first billed)",
  });

export const customerResponseSchema = z
  .object({
    id: eid("customer"),
    object: z.literal("customer"),
    external_id: z.string(),
    email: z.string(),
    company_name: z.string().nullable(),
    address: z.object({
      line1: z.string().nullable(),
      line2: z.string().nullable(),
      city: z.string().nullable(),
      state: z.string().nullable(),
      postal_code: z.string().nullable(),
      country: addressSchema.shape.country,
    }),
    properties: z.array(propertySchema),
    status: z.enum(["active", "suspended", "deleted"]),
    default_payment_method: z
      .object({
        id: z.string(),
        brand: z.string(),
        last4: z.string(),
        exp_month: z.number().int(),
        exp_year: z.number().int(),
      })
      .nullable()
      .meta({
        description:
          "The card charges and subscriptions use; null until a card is confirmed by Stripe's webhook.",
      }),
    mrr: moneyPerCurrency.meta({
      description: "Current MRR per currency the customer bills in (integer minor units; {} when none)",
    }),
    yrr: moneyPerCurrency.meta({ description: "MRR × 12 per currency" }),
    risk: z
      .object({ level: z.enum(["low", "medium", "high"]), score: z.number().int().min(0).max(100) })
      .meta({ description: "The kept risk; low and 0 for a customer whose figures are not kept yet" }),
    stripe_sync: stripeSyncSchema,
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: "Customer", example: customerExample });

export const paymentLinkResponseSchema = z
  .object({
    id: eid("paymentLink"),
    object: z.literal("payment_link"),
    url: z.url().meta({ description: "One-time URL under APP_URL; send the customer's user there." }),
    expires_at: timestamp,
    created_at: timestamp,
  })
  .meta({ id: "PaymentLink", example: paymentLinkExample });

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    existing_id: z
      .string()
      .nullable()
      .optional()
      .meta({ description: "On a 409 for a taken external_id: the customer that has it." }),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details", example: problemExample });

/** A list envelope of `item`s; its example is a page holding the item's own example. */
export function listOf<T extends z.ZodType, Extra extends z.ZodRawShape = Record<never, never>>(
  item: T,
  id: string,
  extra?: Extra,
) {
  const itemExample = item.meta()?.example;
  return z
    .object({
      object: z.literal("list"),
      data: z.array(item),
      has_more: z.boolean(),
      next_cursor: z.string().nullable(),
      ...(extra as Extra),
    })
    .meta({
      id,
      ...(itemExample === undefined
        ? {}
        : { example: { object: "list", data: [itemExample], has_more: false, next_cursor: null } }),
    });
}

export type CustomerResponse = z.infer<typeof customerResponseSchema>;
export type PaymentLinkResponse = z.infer<typeof paymentLinkResponseSchema>;

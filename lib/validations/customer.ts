import { z } from "zod";
import { COUNTRY_CODES } from "./country-codes";
import { createCustomerExample, updateCustomerExample } from "./examples";
import { replacePropertiesSchema } from "./properties";
import { isStorableText, text } from "./text";

// An empty (or all-space) value clears the field, as in Stripe's API, instead of storing "".
const optionalText = (max: number) =>
  text(max)
    .trim()
    .transform((value) => (value === "" ? null : value))
    .nullable()
    .optional();

export const addressSchema = z.strictObject({
  line1: optionalText(200),
  line2: optionalText(200),
  city: optionalText(100),
  state: optionalText(100),
  postal_code: optionalText(20),
  country: z
    .string({ error: "is required" })
    .refine((code) => COUNTRY_CODES.has(code), "must be an ISO 3166-1 alpha-2 code in upper case, e.g. DE"),
});

export const customerStatusSchema = z.enum(["active", "suspended", "deleted"]);

export const createCustomerSchema = z
  .strictObject({
    external_id: z
      .string({ error: "is required" })
      .min(1, "must not be empty")
      .max(255, "must be at most 255 characters")
      .refine((value) => value.trim() === value, "must not start or end with spaces")
      .refine(isStorableText, "must not contain NUL characters or unpaired surrogates"),
    email: z.email({ error: "must be a valid email address" }).max(254, "must be at most 254 characters"),
    company_name: optionalText(200),
    address: addressSchema,
    /** The PUT's array form under the same rules; left out, the customer starts with none. */
    properties: replacePropertiesSchema.shape.properties.optional(),
  })
  .meta({ example: createCustomerExample });

/** PATCH: every field optional; an address is merged into the stored one field by field. */
export const updateCustomerSchema = z
  .strictObject({
    email: createCustomerSchema.shape.email,
    company_name: optionalText(200),
    address: addressSchema.partial(),
    status: z.enum(["active", "suspended"], { error: "must be active or suspended (use DELETE to delete)" }),
  })
  .partial()
  .meta({ example: updateCustomerExample });

export type CreateCustomerInput = z.infer<typeof createCustomerSchema>;
export type UpdateCustomerInput = z.infer<typeof updateCustomerSchema>;

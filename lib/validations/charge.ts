import { z } from "zod";
import { amountSchema, currencySchema } from "./subscription";
import { text } from "./text";

export const createChargeSchema = z.strictObject({
  amount: amountSchema,
  currency: currencySchema,
  description: text(250).trim().min(1, "must not be empty").optional(),
});

/** `{}` refunds whatever is left of the charge; `{"amount"}` refunds part of it. */
export const refundChargeSchema = z.strictObject({ amount: amountSchema.optional() });

export type CreateChargeInput = z.infer<typeof createChargeSchema>;
export type RefundChargeInput = z.infer<typeof refundChargeSchema>;

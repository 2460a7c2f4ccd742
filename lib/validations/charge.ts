import { z } from "zod";
import { createChargeExample, refundChargeExample } from "./examples";
import { amountSchema, currencySchema } from "./subscription";
import { text } from "./text";

export const createChargeSchema = z
  .strictObject({
    amount: amountSchema,
    currency: currencySchema,
    description: text(250).trim().min(1, "must not be empty").optional(),
  })
  .meta({ example: createChargeExample });

/** `{}` refunds whatever is left of the charge; `{"amount"}` refunds part of it. */
export const refundChargeSchema = z
  .strictObject({ amount: amountSchema.optional() })
  .meta({ example: refundChargeExample });

export type CreateChargeInput = z.infer<typeof createChargeSchema>;
export type RefundChargeInput = z.infer<typeof refundChargeSchema>;

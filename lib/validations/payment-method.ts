import { z } from "zod";

/** `GET /customers/{id}/payment_methods.json?include_detached=true`: cards removed at Stripe too. */
export const listPaymentMethodsQuerySchema = z.strictObject({
  include_detached: z
    .enum(["true", "false"], { error: "must be true or false" })
    .default("false")
    .meta({ description: "Also list cards removed at Stripe." }),
});

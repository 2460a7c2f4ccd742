import { z } from "zod";
import { paginationQuery } from "./pagination";

/** `GET /customers/{id}/payment_methods.json?include_detached=true`: cards removed at Stripe too. */
export const listPaymentMethodsQuerySchema = paginationQuery(100).extend({
  include_detached: z
    .enum(["true", "false"], { error: "must be true or false" })
    .default("false")
    .meta({ description: "Also list cards removed at Stripe." }),
});

export type ListPaymentMethodsQuery = z.infer<typeof listPaymentMethodsQuerySchema>;

import { z } from "zod";

/**
 * `?limit=` (1–100) and `?cursor=`: what every list takes. The default page is 20, except where
 * a list answered more at once before it was paged (the audit trail 50, cards and the
 * installation-wide lists 100), so that a caller who never pages sees what it always saw.
 */
export const paginationQuery = (defaultLimit: number) =>
  z.strictObject({
    limit: z.coerce
      .number({ error: "must be a number" })
      .int("must be a whole number")
      .min(1, "must be at least 1")
      .max(100, "must be at most 100")
      .default(defaultLimit),
    cursor: z.string().max(200).optional(),
  });

export const paginationQuerySchema = paginationQuery(20);

export type PaginationQuery = z.infer<typeof paginationQuerySchema>;

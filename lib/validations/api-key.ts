import { z } from "zod";

export const createApiKeySchema = z.strictObject({
  name: z
    .string({ error: "is required" })
    .trim()
    .min(1, "must not be empty")
    .max(100, "must be at most 100 characters"),
  scopes: z
    .array(z.enum(["read", "write"], { error: "must be read or write" }), { error: "is required" })
    .min(1, "must name at least one scope"),
});

export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;

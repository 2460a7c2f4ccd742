import { z } from "zod";
import { text } from "./text";

export const createApiKeySchema = z.strictObject({
  name: text(100, "is required").trim().min(1, "must not be empty"),
  scopes: z
    .array(z.enum(["read", "write"], { error: "must be read or write" }), { error: "is required" })
    .min(1, "must name at least one scope"),
});

export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;

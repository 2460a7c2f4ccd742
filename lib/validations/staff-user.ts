import { z } from "zod";
import { STAFF_ROLES } from "../auth/roles";

export const createStaffUserSchema = z.strictObject({
  email: z.email({ error: "must be a valid email address" }).max(254, "must be at most 254 characters"),
  password: z
    .string({ error: "is required" })
    .min(10, "must be at least 10 characters")
    .max(1000, "must be at most 1000 characters"),
  role: z.enum(STAFF_ROLES, { error: "must be admin, finance or viewer" }),
});

export type CreateStaffUserInput = z.infer<typeof createStaffUserSchema>;

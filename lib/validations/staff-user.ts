import { z } from "zod";
import { STAFF_ROLES } from "../auth/roles";
import { updateStaffUserExample } from "./examples";

const passwordSchema = z
  .string({ error: "is required" })
  .min(10, "must be at least 10 characters")
  .max(1000, "must be at most 1000 characters");
const roleSchema = z.enum(STAFF_ROLES, { error: "must be admin, finance or viewer" });

export const createStaffUserSchema = z.strictObject({
  email: z.email({ error: "must be a valid email address" }).max(254, "must be at most 254 characters"),
  password: passwordSchema,
  role: roleSchema,
});

/** PATCH /staff_users/{id}.json: a new role, disabling or enabling, a new password; any of them. */
export const updateStaffUserSchema = z
  .strictObject({
    role: roleSchema,
    disabled: z.boolean({ error: "must be true or false" }),
    password: passwordSchema,
  })
  .partial()
  .refine((input) => Object.keys(input).length > 0, "send at least one of role, disabled, password")
  .meta({ example: updateStaffUserExample });

export type CreateStaffUserInput = z.infer<typeof createStaffUserSchema>;
export type UpdateStaffUserInput = z.infer<typeof updateStaffUserSchema>;

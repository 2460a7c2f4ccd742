import { z } from "zod";
import { STAFF_ROLES } from "../auth/roles";
import { staffUserExample } from "./examples";
import { eid, timestamp } from "./responses";

export const staffUserResponseSchema = z
  .object({
    id: eid("staffUser"),
    object: z.literal("staff_user"),
    email: z.string(),
    role: z.enum(STAFF_ROLES),
    disabled: z.boolean().meta({ description: "A disabled user cannot sign in and has no live session." }),
    disabled_at: timestamp.nullable(),
    created_at: timestamp,
  })
  .meta({ id: "StaffUser", example: staffUserExample });

export type StaffUserResponse = z.infer<typeof staffUserResponseSchema>;

import type { StaffUser } from "../generated/prisma/client";
import type { StaffUserResponse } from "../validations/staff-user-responses";

export const staffUserSelect = {
  id: true,
  email: true,
  role: true,
  disabledAt: true,
  createdAt: true,
} as const;

export function serializeStaffUser(
  row: Pick<StaffUser, "id" | "email" | "role" | "disabledAt" | "createdAt">,
): StaffUserResponse {
  return {
    id: row.id,
    object: "staff_user",
    email: row.email,
    role: row.role,
    disabled: row.disabledAt !== null,
    disabled_at: row.disabledAt?.toISOString() ?? null,
    created_at: row.createdAt.toISOString(),
  };
}

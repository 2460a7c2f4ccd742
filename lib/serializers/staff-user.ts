import type { StaffUser } from "../generated/prisma/client";

export function serializeStaffUser(row: Pick<StaffUser, "id" | "email" | "role" | "createdAt">) {
  return {
    id: row.id,
    object: "staff_user" as const,
    email: row.email,
    role: row.role,
    created_at: row.createdAt.toISOString(),
  };
}

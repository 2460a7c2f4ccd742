import type { Metadata } from "next";
import { requireStaff } from "@/lib/auth/current-staff";
import { StaffUsersManager } from "./staff-users-manager";

export const metadata: Metadata = { title: "Staff users" };

export default async function StaffUsersPage() {
  await requireStaff({ permission: "admin" });
  return (
    <main className="space-y-6">
      <h1 className="text-2xl font-semibold">Staff users</h1>
      <StaffUsersManager />
    </main>
  );
}

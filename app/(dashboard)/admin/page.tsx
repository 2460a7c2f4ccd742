import { redirect } from "next/navigation";
import { requireStaff } from "@/lib/auth/current-staff";

export default async function AdminPage() {
  await requireStaff({ permission: "admin" });
  redirect("/admin/api-keys");
}

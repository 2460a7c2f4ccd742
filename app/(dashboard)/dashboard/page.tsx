import type { Metadata } from "next";
import { requireStaff } from "@/lib/auth/current-staff";
import { BookOverview } from "./book-overview";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  await requireStaff({ permission: "read" });
  return (
    <main className="space-y-6">
      <h1 className="text-2xl font-semibold">Dashboard</h1>
      <BookOverview />
    </main>
  );
}

import type { Metadata } from "next";
import { requireStaff } from "@/lib/auth/current-staff";
import { BookOverview } from "./book-overview";
import { readDashboardParams, todayUtc } from "./dashboard-params";
import { RevenueDashboard } from "./revenue-dashboard";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireStaff({ permission: "read" });
  const { params, notes } = readDashboardParams(await searchParams, todayUtc());
  return (
    <main className="space-y-6">
      <h1 className="text-2xl font-semibold">Dashboard</h1>
      <RevenueDashboard params={params} notes={notes} />
      <BookOverview />
    </main>
  );
}

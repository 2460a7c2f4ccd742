import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { requireStaff } from "@/lib/auth/current-staff";
import { getMrrSeriesForStaff } from "@/lib/dal/metrics";
import { mrrSeriesQuery } from "@/lib/queries/metrics";
import { getQueryClient } from "@/lib/queries/query-client";
import { BookOverview } from "./book-overview";
import { readDashboardParams } from "./dashboard-params";
import { RevenueDashboard } from "./revenue-dashboard";

export const metadata: Metadata = { title: "Dashboard" };

/**
 * The series is read on the server for the first paint; if that fails (a report past its time
 * limit) nothing is handed over and the browser asks the API itself, showing the error there.
 */
export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireStaff({ permission: "read" });
  const { params, notes } = readDashboardParams(await searchParams);
  const range = { from: params.from, to: params.to, interval: params.interval };
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery({ ...mrrSeriesQuery(range), queryFn: () => getMrrSeriesForStaff(range) });
  return (
    <main className="space-y-6">
      <h1 className="text-2xl font-semibold">Dashboard</h1>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <RevenueDashboard params={params} notes={notes} />
      </HydrationBoundary>
      <BookOverview />
    </main>
  );
}

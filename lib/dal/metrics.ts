import "server-only";
import { requireStaff } from "../auth/current-staff";
import type { SeriesInterval } from "../metrics";
import { getMrrSeries } from "../server/metrics/get-mrr-series";

/**
 * The MRR/YRR series of every currency the book has had, for any signed-in staff user: the
 * dashboard's first paint. The range comes already checked by the API's own schema
 * (app/(dashboard)/dashboard/dashboard-params.ts); the answer is GET /metrics/mrr.json's.
 */
export async function getMrrSeriesForStaff(range: { from: string; to: string; interval: SeriesInterval }) {
  await requireStaff({ permission: "read" });
  return getMrrSeries(range);
}

import { type Admission, admitDatabaseWork, settleDatabaseWork } from "@/lib/api/database-circuit";
import { db } from "@/lib/db";

/**
 * Liveness and readiness for load balancers and the test runner: 503 while the database is
 * away (or every connection is busy). It goes through the same circuit breaker as the API, so
 * it answers at once while the circuit is open and serves as a probe when it is half open.
 */
export async function GET() {
  let admission: Admission | undefined;
  try {
    admission = admitDatabaseWork();
    await db().$queryRaw`select 1`;
    settleDatabaseWork(admission);
    return Response.json({ ok: true });
  } catch (error) {
    if (admission) settleDatabaseWork(admission, error);
    return Response.json(
      { ok: false, reason: "database unavailable" },
      { status: 503, headers: { "retry-after": "5" } },
    );
  }
}

export const dynamic = "force-dynamic";

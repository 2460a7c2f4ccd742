import { db } from "@/lib/db";

/** Liveness and readiness for load balancers and the test runner: 503 while the database is away. */
export async function GET() {
  try {
    await db().$queryRaw`select 1`;
    return Response.json({ ok: true });
  } catch {
    return Response.json(
      { ok: false, reason: "database unavailable" },
      { status: 503, headers: { "retry-after": "5" } },
    );
  }
}

export const dynamic = "force-dynamic";

import { reportDb } from "../../db";
import type { Prisma } from "../../generated/prisma/client";

/**
 * Runs one of the book's report statements on the report connections (lib/db.ts reportDb: a
 * pool of their own, each statement cancelled past REPORT_STATEMENT_TIMEOUT_SECONDS) with more
 * memory for its aggregates. They group
 * ~100,000 rows per request (every customer, or every MRR change of the last 30 days); at
 * PostgreSQL's default work_mem of 4 MB their hash tables spill to disk and the planner falls
 * back to sorting, which took about half of GET /metrics.json (bench/metrics). SET LOCAL keeps
 * the setting to this statement's transaction, so the pool's other queries are not affected.
 */
export async function reportQuery<Row>(statement: Prisma.Sql): Promise<Row[]> {
  const [, rows] = await reportDb().$transaction([
    reportDb().$executeRaw`set local work_mem = '32MB'`,
    reportDb().$queryRaw<Row[]>(statement),
  ]);
  return rows;
}

import type pg from "pg";

export interface StatementUse {
  query: string;
  calls: number;
  perRequest: number;
  meanMs: number;
  /** Work of the job queue and the outbox relay, not of the request itself. */
  background: boolean;
}

// pg-boss, the outbox relay and the webhook delivery worker (its claims and their lock) poll in
// the launcher whatever the traffic.
const BACKGROUND =
  /pgboss|skip locked|set dispatched_at|from webhook_endpoints where deleted_at|webhook_deliveries\.claim|leased_until|pg_stat_statements/i;

export async function resetStatements(client: pg.Client): Promise<void> {
  await client.query("select pg_stat_statements_reset()");
}

/**
 * What PostgreSQL executed since the last reset, per statement, divided by the requests served:
 * the number of round trips per request and where an N+1 or an extra lookup hides.
 */
export async function readStatements(client: pg.Client, requests: number): Promise<StatementUse[]> {
  const { rows } = await client.query<{ query: string; calls: string; mean: number }>(
    `select query, calls, mean_exec_time as mean from pg_stat_statements
      where dbid = (select oid from pg_database where datname = current_database()) and calls > 0
      order by calls desc limit 25`,
  );
  return rows.map((row) => ({
    query: row.query.replace(/\s+/g, " ").slice(0, 400),
    calls: Number(row.calls),
    perRequest: requests > 0 ? Math.round((Number(row.calls) / requests) * 100) / 100 : 0,
    meanMs: Math.round(row.mean * 1000) / 1000,
    background: BACKGROUND.test(row.query),
  }));
}

/** Statements per request issued by the request path (background polling left out). */
export function statementsPerRequest(uses: StatementUse[]): number {
  return (
    Math.round(uses.filter((use) => !use.background).reduce((sum, use) => sum + use.perRequest, 0) * 100) /
    100
  );
}

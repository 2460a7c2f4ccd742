import pg from "pg";

/**
 * One query on a connection of its own, closed again at once: for checking what an app really
 * stored, from a test that must not hold connections (the app may restart its database, a test
 * may cut it away) and must not share a pool with the code under test.
 */
export async function queryOnce<Row extends pg.QueryResultRow = Record<string, unknown>>(
  url: string,
  sql: string,
  params: unknown[] = [],
): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  // A server that goes away mid-test would otherwise crash the test process with this event.
  client.on("error", () => {});
  await client.connect();
  try {
    return (await client.query<Row>(sql, params)).rows;
  } finally {
    await client.end().catch(() => {});
  }
}

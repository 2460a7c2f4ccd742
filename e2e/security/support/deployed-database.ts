import { queryOnce } from "../../../tests/support/database-query";
import { deployedDatabaseUrl } from "./deployed-server";

/**
 * Runs one query on the deployed server's database, on a short-lived connection: to check what
 * the server really stored, and to set up the few rows no API call can make without sending
 * traffic somewhere (a finished webhook delivery).
 */
export function queryDeployedDatabase<Row extends Record<string, unknown>>(
  sql: string,
  params: unknown[] = [],
): Promise<Row[]> {
  return queryOnce<Row>(deployedDatabaseUrl(), sql, params);
}

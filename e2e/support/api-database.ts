import { embeddedDatabaseUrl } from "../../tests/support/data-dir";
import { queryOnce } from "../../tests/support/database-query";
import { TEST_DATA_DIR, TEST_DATABASE_URL } from "../../tests/support/environment";

/**
 * The database the app under test uses: TEST_DATABASE_URL when set, otherwise the embedded
 * PostgreSQL that `scripts/start.ts` runs in the test data dir (as e2e/support/cli.ts finds it).
 * Specs only read from it, to check what the API really stored.
 */
export function testDatabaseUrl(): string {
  return TEST_DATABASE_URL ?? embeddedDatabaseUrl(TEST_DATA_DIR);
}

/** Runs one read-only query on a short-lived connection. */
export function queryDatabase<Row extends Record<string, unknown>>(
  sql: string,
  params: unknown[] = [],
): Promise<Row[]> {
  return queryOnce<Row>(testDatabaseUrl(), sql, params);
}

/**
 * The types of the domain events (the outbox) written for a customer whose type starts with one
 * of `prefixes` (`"charge."`), in the order they were written.
 */
export async function domainEventTypes(customerId: string, ...prefixes: string[]): Promise<string[]> {
  const rows = await queryDatabase<{ type: string }>(
    `select type from domain_events where customer_id = $1
       and exists (select 1 from unnest($2::text[]) prefix where starts_with(type, prefix)) order by id`,
    [customerId, prefixes],
  );
  return rows.map((row) => row.type);
}

import type pg from "pg";
import { PROPERTY_ROW_COLUMNS, PROPERTY_ROW_VALUES } from "../../lib/server/customers/property-rows";
import { seedBatch, type TableBatch } from "./seed-rows";

const BATCH_SIZE = 10_000;
// Above this many missing rows, secondary indexes are dropped and rebuilt after the load:
// building a GIN trigram index once is far cheaper than maintaining it row by row.
const REBUILD_INDEXES_ABOVE = 50_000;
const TABLES = [
  "customers",
  "payment_methods",
  "subscriptions",
  "charges",
  "customer_financials",
  "customer_mrr",
  "customer_properties",
];

export interface SeedResult {
  customers: number;
  inserted: number;
  seconds: number;
  billingTables: string[];
}

/** Seeded customers carry external ids crm-NNNNNNNN; the benchmark's own creates are removed separately. */
export async function countSeeded(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ n: string }>(
    "select count(*) as n from customers where external_id like 'crm-%'",
  );
  return Number(rows[0]?.n ?? 0);
}

/**
 * Seeded customers without kept figures: a data dir seeded before the seed wrote them. The app
 * would back-fill them at start-up, one transaction each, during the measurement.
 */
export async function seededWithoutFigures(client: pg.Client): Promise<boolean> {
  if (!(await exists(client, "customer_financials"))) return false;
  const { rows } = await client.query<{ missing: boolean }>(
    `select exists (select 1 from customers c where c.external_id like 'crm-%'
       and not exists (select 1 from customer_financials f where f.customer_id = c.id)) as missing`,
  );
  return rows[0]?.missing ?? false;
}

/**
 * Makes sure `target` seeded customers exist. Idempotent: nothing happens when they do. A
 * shortfall is inserted in ONE transaction (DDL included), so an interrupted seed leaves no
 * half-built state: the next run sees the old count and simply starts that step again.
 */
export async function seed(
  client: pg.Client,
  target: number,
  log: (line: string) => void,
): Promise<SeedResult> {
  const started = performance.now();
  const existing = await countSeeded(client);
  const billing = {
    subscriptions: await exists(client, "subscriptions"),
    charges: await exists(client, "charges"),
    financials: await exists(client, "customer_financials"),
  };
  const billingTables = Object.entries(billing)
    .filter(([, present]) => present)
    .map(([name]) => name);
  if (existing >= target) {
    log(`seed: ${existing} customers already there, nothing to do`);
    return { customers: existing, inserted: 0, seconds: 0, billingTables };
  }
  log(
    `seed: inserting customers ${existing}..${target} (billing tables: ${billingTables.join(", ") || "none"})`,
  );
  await client.query("begin");
  try {
    await client.query("set local synchronous_commit = off");
    await client.query("set local maintenance_work_mem = '1GB'");
    const rebuild = target - existing > REBUILD_INDEXES_ABOVE ? await dropSecondaryIndexes(client) : [];
    const now = Date.now();
    let pending: Promise<unknown> | undefined;
    for (let from = existing; from < target; from += BATCH_SIZE) {
      // Build the next batch while PostgreSQL inserts the previous one.
      const batch = seedBatch({ from, to: Math.min(from + BATCH_SIZE, target), total: target, now, billing });
      await pending;
      pending = client.query(
        insertSql(batch),
        batch.flatMap((table) => table.values),
      );
      if ((from - existing) % 100_000 === 0 && from > existing) log(`seed: ${from} customers`);
    }
    await pending;
    if (billing.financials) await client.query(PROPERTY_ROWS_SQL);
    for (const definition of rebuild) await client.query(definition);
    await client.query("commit");
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw error;
  }
  const present: string[] = [];
  for (const name of TABLES) if (await exists(client, name)) present.push(name);
  await client.query(`analyze ${present.join(", ")}`);
  const seconds = (performance.now() - started) / 1000;
  log(`seed: ${target - existing} customers in ${seconds.toFixed(1)} s (indexes rebuilt, ANALYZE done)`);
  return { customers: target, inserted: target - existing, seconds, billingTables };
}

/**
 * The seeded customers' property rows, by the app's own mapping of a property to its typed column
 * (lib/server/customers/property-rows.ts, the same as the customer_financials migration's back-fill).
 */
const PROPERTY_ROWS_SQL = `insert into customer_properties (${PROPERTY_ROW_COLUMNS})
  select c.id, ${PROPERTY_ROW_VALUES} from customers c, jsonb_array_elements(c.properties) p
  where c.external_id like 'crm-%' on conflict do nothing`;

async function exists(client: pg.Client, name: string): Promise<boolean> {
  const { rows } = await client.query<{ found: string | null }>("select to_regclass($1)::text as found", [
    name,
  ]);
  return rows[0]?.found !== null && rows[0]?.found !== undefined;
}

/** Drops the indexes that back no constraint (the primary keys stay) and returns their CREATE statements. */
async function dropSecondaryIndexes(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `select quote_ident(i.relname) as name, pg_get_indexdef(i.oid) as definition
       from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
      where t.relname = any($1) and t.relnamespace = 'public'::regnamespace
        and not exists (select 1 from pg_constraint c where c.conindid = i.oid)`,
    [TABLES],
  );
  for (const row of rows) await client.query(`drop index ${row.name}`);
  return rows.map((row) => row.definition);
}

/**
 * One statement per batch, one data-modifying CTE per table: the foreign keys between
 * customers and payment_methods point both ways, and are checked at the end of the statement.
 */
function insertSql(tables: TableBatch[]): string {
  let parameter = 0;
  const ctes = tables.map((table, n) => {
    const columns = table.columns.map((column) => `"${column.name}"`).join(", ");
    const arrays = table.columns.map((column) => `$${++parameter}::${column.type}[]`).join(", ");
    return `t${n} as (insert into "${table.table}" (${columns}) select * from unnest(${arrays}) returning 1)`;
  });
  return `with ${ctes.join(",\n")} select ${tables.map((_, n) => `(select count(*) from t${n})`).join(" + ")} as n`;
}

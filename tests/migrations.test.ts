import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, runPrisma } from "../lib/runtime/migrations";
import { freshDatabase } from "./support/database";

// What a migration may add beyond schema.prisma: the hand-written indexes at the end of the
// init, external_id_search and webhook_delivery_leases migrations (Prisma cannot declare
// trigram, expression or partial indexes).
const HAND_WRITTEN_INDEX = /_(trgm|grams|partial)_idx$/;

const CATALOG_QUERIES = {
  columns: `select table_name, column_name, data_type, udt_name, is_nullable, column_default, character_maximum_length
            from information_schema.columns where table_schema = 'public' and table_name <> '_prisma_migrations'
            order by table_name, column_name`,
  constraints: `select conrelid::regclass::text as table_name, conname, pg_get_constraintdef(oid) as definition
                from pg_constraint where connamespace = 'public'::regnamespace and conrelid::regclass::text <> '_prisma_migrations'
                order by 1, 2`,
  indexes: `select tablename, indexname, indexdef from pg_indexes where schemaname = 'public' and tablename <> '_prisma_migrations' order by 1, 2`,
  enums: `select t.typname, string_agg(e.enumlabel, ',' order by e.enumsortorder) as labels
          from pg_type t join pg_enum e on e.enumtypid = t.oid group by t.typname order by 1`,
  extensions: `select extname from pg_extension order by 1`,
};

async function catalog(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result: Record<string, Record<string, unknown>[]> = {};
    for (const [name, sql] of Object.entries(CATALOG_QUERIES)) result[name] = (await client.query(sql)).rows;
    return result as Record<keyof typeof CATALOG_QUERIES, Record<string, unknown>[]>;
  } finally {
    await client.end();
  }
}

describe("prisma/migrations", () => {
  let migrated: Awaited<ReturnType<typeof freshDatabase>>;
  let fromSchema: Awaited<ReturnType<typeof freshDatabase>>;

  beforeAll(async () => {
    [migrated, fromSchema] = await Promise.all([freshDatabase("migrated"), freshDatabase("schema")]);
    await applyMigrations(migrated.url);
    const script = await runPrisma(
      ["migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
      fromSchema.url,
    );
    const client = new pg.Client({ connectionString: fromSchema.url });
    await client.connect();
    await client.query(script.slice(script.indexOf("--")));
    await client.end();
  }, 120_000);

  afterAll(async () => {
    await Promise.all([migrated?.drop(), fromSchema?.drop()]);
  });

  it("produce exactly the schema that schema.prisma describes", async () => {
    const [actual, expected] = await Promise.all([catalog(migrated.url), catalog(fromSchema.url)]);
    const withoutHandWritten = actual.indexes.filter(
      (index) => !HAND_WRITTEN_INDEX.test(String(index.indexname)),
    );
    expect({ ...actual, indexes: withoutHandWritten }).toEqual(expected);
  });

  it("add the hand-written search and outbox indexes, and only those", async () => {
    const { indexes } = await catalog(migrated.url);
    const handWritten = indexes
      .map((index) => String(index.indexname))
      .filter((name) => HAND_WRITTEN_INDEX.test(name));
    expect(handWritten.sort()).toEqual([
      "customers_company_name_trgm_idx",
      "customers_email_trgm_idx",
      "customers_external_id_grams_idx",
      "domain_events_undispatched_partial_idx",
      "stripe_events_undispatched_partial_idx",
      "webhook_deliveries_due_partial_idx",
    ]);
  });
});

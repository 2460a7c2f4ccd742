import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, runPrisma } from "../lib/runtime/migrations";
import { catalog } from "./support/catalog";
import { freshDatabase } from "./support/database";

// What a migration may add beyond schema.prisma: the hand-written indexes at the end of the
// init, external_id_search, webhook_delivery_leases and revenue_history migrations (Prisma cannot declare
// trigram, expression or partial indexes), and the functions the expression index uses.
const HAND_WRITTEN_INDEX = /_(trgm|grams|partial)_idx$/;
const HAND_WRITTEN_FUNCTION = /^external_id_grams(_query)?$/;

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
    const withoutHandWritten = {
      ...actual,
      indexes: actual.indexes.filter((index) => !HAND_WRITTEN_INDEX.test(String(index.indexname))),
      functions: actual.functions.filter((fn) => !HAND_WRITTEN_FUNCTION.test(String(fn.proname))),
    };
    expect(withoutHandWritten).toEqual(expected);
  });

  it("add the hand-written search and outbox indexes, and only those", async () => {
    const { indexes } = await catalog(migrated.url);
    const handWritten = indexes
      .map((index) => String(index.indexname))
      .filter((name) => HAND_WRITTEN_INDEX.test(name));
    expect(handWritten.sort()).toEqual([
      "customer_risk_signals_open_partial_idx",
      "customers_company_name_trgm_idx",
      "customers_email_trgm_idx",
      "customers_external_id_grams_idx",
      "domain_events_undispatched_partial_idx",
      "stripe_events_undispatched_partial_idx",
      "webhook_deliveries_due_partial_idx",
    ]);
  });
});

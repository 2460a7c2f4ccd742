import pg from "pg";

// What a database's schema consists of, as far as the migrations shape it: compared between a
// migrated database and one made from schema.prisma, or between a database and a reference
// migrated to the same point.
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
  functions: `select proname, pg_get_function_identity_arguments(oid) as arguments from pg_proc
              where pronamespace = 'public'::regnamespace and prokind = 'f'
                and not exists (select 1 from pg_depend d where d.objid = pg_proc.oid and d.deptype = 'e')
              order by 1, 2`,
};

export type Catalog = Record<keyof typeof CATALOG_QUERIES, Record<string, unknown>[]>;

export async function catalog(url: string): Promise<Catalog> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result: Record<string, Record<string, unknown>[]> = {};
    for (const [name, sql] of Object.entries(CATALOG_QUERIES)) result[name] = (await client.query(sql)).rows;
    return result as Catalog;
  } finally {
    await client.end();
  }
}

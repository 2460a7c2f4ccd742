import type pg from "pg";
import { describeServer } from "./database-server";
import { StartupError } from "./startup-error";

export interface CreateNeeds {
  /** Tables, types and indexes in the connection's current schema (the migrations). */
  inCurrentSchema?: boolean;
  /** Schemas start-up creates when missing (pg-boss's). */
  schemas?: string[];
  /** Extensions the pending migrations create when missing (trusted ones need CREATE on the database). */
  extensions?: string[];
}

/**
 * Throws, before anything is created, when the connected role lacks a right that creating
 * `needs` takes: CREATE on the current schema for tables, CREATE on the database for schemas and
 * extensions. PostgreSQL 15 and later no longer grant CREATE on schema public to everyone, so a
 * role made for the app often lacks it. A superuser or the owner has them all.
 */
export async function requireCreateRights(client: pg.Client, url: string, needs: CreateNeeds): Promise<void> {
  const { rows } = await client.query<{
    schema: string | null;
    schema_create: boolean | null;
    database: string;
    database_create: boolean;
    role: string;
  }>(
    `select current_schema() as schema,
            case when current_schema() is null then null else has_schema_privilege(current_schema(), 'CREATE') end as schema_create,
            current_database() as database,
            has_database_privilege(current_database(), 'CREATE') as database_create,
            current_user as role`,
  );
  const state = rows[0];
  if (!state) return;
  const missingSchemas = await missing(
    client,
    "select nspname as name from pg_namespace",
    needs.schemas ?? [],
  );
  const missingExtensions = await missing(
    client,
    "select extname as name from pg_extension",
    needs.extensions ?? [],
  );
  const lacking: string[] = [];
  if (needs.inCurrentSchema && state.schema === null)
    lacking.push("a schema to create tables in (none on its search_path exists)");
  else if (needs.inCurrentSchema && !state.schema_create)
    lacking.push(
      `CREATE on schema ${state.schema} (for the tables: GRANT CREATE ON SCHEMA ${state.schema} TO ${state.role})`,
    );
  const forDatabase = [
    ...missingSchemas.map((name) => `schema ${name}`),
    ...missingExtensions.map((name) => `extension ${name}`),
  ];
  if (forDatabase.length > 0 && !state.database_create)
    lacking.push(
      `CREATE on database ${state.database} (for the ${forDatabase.join(" and the ")}: GRANT CREATE ON DATABASE ${state.database} TO ${state.role})`,
    );
  if (lacking.length === 0) return;
  throw new StartupError([
    `role "${state.role}" lacks ${lacking.join(", and ")} on the PostgreSQL server at ${describeServer(url).where}. Grant it, or use a role that owns the database.`,
  ]);
}

async function missing(client: pg.Client, sql: string, wanted: string[]): Promise<string[]> {
  if (wanted.length === 0) return [];
  const { rows } = await client.query<{ name: string }>(sql);
  const present = new Set(rows.map((row) => row.name));
  return wanted.filter((name) => !present.has(name));
}

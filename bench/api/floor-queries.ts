// What both floors answer (floor-server.ts: plain node:http; framework-floor/: a bare Next.js
// route handler): one SQL statement per request, the one the API's endpoint needs at its core,
// with minimal validation. One module, so that the two floors differ only in what serves them.
import pg from "pg";
import { customerSearchCondition } from "../../lib/server/customers/customer-sql";
import { eidAt } from "./eid";

export interface FloorAnswer {
  status: number;
  body: unknown;
}

const COLUMNS = `id, external_id, email, company_name, address_line1, address_line2, address_city, address_state,
  address_postal_code, address_country, properties, status, created_at, updated_at`;
const LIST = `select ${COLUMNS} from customers c where status in ('active', 'suspended')`;
const SEARCH = `and ${customerSearchCondition("$1", "$2")}`;

// The app's pool size (lib/db.ts), so that neither floor has more connections than the app.
const POOL_SIZE = 20;
let shared: pg.Pool | undefined;

function pool(): pg.Pool {
  shared ??= new pg.Pool({ connectionString: process.env.DATABASE_URL, max: POOL_SIZE });
  return shared;
}

/** `insert … returning`: the customer alone (the app also writes its audit record and event). */
export async function floorCreate(raw: string): Promise<FloorAnswer> {
  const input = JSON.parse(raw) as {
    external_id?: unknown;
    email?: unknown;
    company_name?: unknown;
    address?: { country?: unknown };
  };
  if (typeof input.external_id !== "string" || typeof input.email !== "string" || !input.email.includes("@"))
    return { status: 422, body: { title: "external_id and email are required" } };
  const country = input.address?.country;
  if (typeof country !== "string" || country.length !== 2)
    return { status: 422, body: { title: "bad country" } };
  const now = Date.now();
  const { rows } = await pool().query(
    `insert into customers (id, external_id, email, company_name, address_country, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $6) returning ${COLUMNS}`,
    // created_at is the id's time, as the app's (lib/server/customers/created-id-bounds.ts).
    [eidAt("cus", now), input.external_id, input.email, input.company_name ?? null, country, new Date(now)],
  );
  return { status: 201, body: rows[0] };
}

/** The first page, newest first, optionally searched by `q`: one `select … limit 21`. */
export async function floorList(q: string | null): Promise<FloorAnswer> {
  const { rows } = q
    ? await pool().query(`${LIST} ${SEARCH} order by id desc limit 21`, [`%${q}%`, q])
    : await pool().query(`${LIST} order by id desc limit 21`);
  return { status: 200, body: { object: "list", data: rows.slice(0, 20), has_more: rows.length > 20 } };
}

/** A failed statement: a duplicate external id is a 409, anything else a 500. */
export function floorFailure(error: { code?: string; message?: string }): FloorAnswer {
  return { status: error.code === "23505" ? 409 : 500, body: { title: error.message ?? "error" } };
}

export function closeFloorPool(): Promise<void> {
  return shared?.end() ?? Promise.resolve();
}

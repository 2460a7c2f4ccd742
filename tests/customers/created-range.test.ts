import { ulid } from "ulid";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ID_TIME_MARGIN_MS } from "../../lib/server/customers/created-id-bounds";
import { parseBracketParams } from "../../lib/validations/bracket-params";
import { listCustomersQuerySchema } from "../../lib/validations/customer-list-query";
import { migratedAppDatabase } from "../support/app-environment";

// A created_at range of GET /customers.json is also walked as an id range (created-id-bounds.ts):
// these check it still selects exactly the customers whose created_at is in the range, for rows
// whose id time is their created_at (every path that creates customers now) and for rows whose
// id time lies up to the margin away from it (customers created before created_at was taken
// from the id), in both orders, page after page.

const FROM = "2026-03-01";
const TO = "2026-03-07";
const from = Date.parse(`${FROM}T00:00:00Z`);
const to = Date.parse(`${TO}T23:59:59.999Z`);

let database: Awaited<ReturnType<typeof migratedAppDatabase>>;
let pool: typeof import("../../lib/db").pool;
let closeDatabase: typeof import("../../lib/db").closeDatabase | undefined;
let listCustomers: typeof import("../../lib/server/customers/list-customers").listCustomers;
let sequence = 0;

/** A customer created at `createdAt` whose id was made at `idTime`. */
async function customerAt(createdAt: number, idTime = createdAt): Promise<string> {
  sequence += 1;
  const id = `cus_${ulid(idTime)}`;
  await pool().query(
    `insert into customers (id, external_id, email, address_country, created_at, updated_at)
     values ($1, $2, $3, 'DE', $4, $4)`,
    [id, `range-${sequence}`, `range-${sequence}@example.com`, new Date(createdAt)],
  );
  return id;
}

async function allPages(search: string): Promise<{ ids: string[]; total: number }> {
  const ids: string[] = [];
  let cursor: string | null = null;
  let total = -1;
  do {
    const params = new URLSearchParams(`${search}&limit=2&include[]=total_count`);
    if (cursor) params.set("cursor", cursor);
    const page = await listCustomers(listCustomersQuerySchema.parse(parseBracketParams(params)));
    ids.push(...page.data.map((customer) => customer.id));
    total = page.total_count ?? -1;
    cursor = page.next_cursor;
  } while (cursor);
  return { ids, total };
}

async function createdBetween(lowest: number, highest: number): Promise<string[]> {
  const { rows } = await pool().query<{ id: string }>(
    "select id from customers where created_at between $1 and $2 order by id",
    [new Date(lowest), new Date(highest)],
  );
  return rows.map((row) => row.id);
}

beforeAll(async () => {
  database = await migratedAppDatabase("created_range");
  ({ pool, closeDatabase } = await import("../../lib/db"));
  ({ listCustomers } = await import("../../lib/server/customers/list-customers"));
  const day = 86_400_000;
  const margin = ID_TIME_MARGIN_MS;
  // Outside the range, well away and just past each end.
  for (const at of [from - 30 * day, from - day, from - 1, to + 1, to + day, to + 30 * day])
    await customerAt(at);
  // Inside, on both ends exactly and in between.
  for (const at of [from, from + 1, from + 2 * day, from + 3 * day, to - 1, to]) await customerAt(at);
  // Ids made up to the margin before or after created_at, inside and outside the range.
  await customerAt(from, from - margin);
  await customerAt(from, from + margin);
  await customerAt(to, to + margin);
  await customerAt(to, to - margin);
  await customerAt(from - 1, from - 1 + margin);
  await customerAt(to + 1, to + 1 - margin);
}, 120_000);

afterAll(async () => {
  await closeDatabase?.();
  await database?.drop();
});

describe("GET /customers.json by created range", () => {
  it.each(["desc", "asc"])(
    "created_gte and created_lte select exactly the customers created in the range, both days whole (order %s)",
    async (order) => {
      const expected = await createdBetween(from, to);
      expect(expected).toHaveLength(10);
      const { ids, total } = await allPages(`created_gte=${FROM}&created_lte=${TO}&order=${order}`);
      expect(ids).toEqual(order === "asc" ? expected : [...expected].reverse());
      expect(total).toBe(10);
    },
  );

  it.each(["desc", "asc"])(
    "created_gte alone selects every customer created at or after it (order %s)",
    async (order) => {
      const expected = await createdBetween(from, Date.parse("9999-01-01"));
      const { ids } = await allPages(`created_gte=${FROM}&order=${order}`);
      expect(ids).toEqual(order === "asc" ? expected : [...expected].reverse());
    },
  );

  it.each(["desc", "asc"])(
    "created_lte alone selects every customer created at or before it (order %s)",
    async (order) => {
      const expected = await createdBetween(0, to);
      const { ids } = await allPages(`created_lte=${TO}&order=${order}`);
      expect(ids).toEqual(order === "asc" ? expected : [...expected].reverse());
    },
  );

  it("an instant range includes customers created at either end to the millisecond", async () => {
    const { ids } = await allPages(
      `created_gte=${new Date(to).toISOString()}&created_lte=${new Date(to).toISOString()}`,
    );
    expect(ids.sort()).toEqual(await createdBetween(to, to));
    expect(ids).toHaveLength(3);
  });
});

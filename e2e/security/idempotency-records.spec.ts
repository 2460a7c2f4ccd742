import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { newCustomerBody } from "../../tests/support/customer-body";
import { bearer } from "../support/api";
import { credentials } from "../support/credentials";
import { queryDeployedDatabase } from "./support/deployed-database";
import { staffHeaders } from "./support/staff-headers";

// What an Idempotency-Key leaves in the deployed server's database: the stored response is
// replayed unchanged, but the record, read straight from PostgreSQL, holds none of it in clear.
// (The webhook signing secret's case is in webhook-endpoints.spec.ts.)

async function storedRecord(key: string): Promise<string> {
  const rows = await queryDeployedDatabase<{ row: Record<string, unknown> }>(
    "select to_jsonb(k) as row from idempotency_keys k where key = $1",
    [key],
  );
  expect(rows).toHaveLength(1);
  return JSON.stringify(rows[0]?.row);
}

test.describe("idempotency records on the deployed server", () => {
  test("POST /customers.json: the replay equals the first response; the record holds no email, name or id", async ({
    request,
  }) => {
    const key = `idem-${randomUUID()}`;
    const body = newCustomerBody();
    const headers = { ...bearer(credentials().deployed.writeKey), "idempotency-key": key };
    const first = await request.post("/customers.json", { headers, data: body });
    expect(first.status()).toBe(201);
    const replay = await request.post("/customers.json", { headers, data: body });
    expect(replay.status()).toBe(201);
    expect(await replay.text()).toBe(await first.text());

    const stored = await storedRecord(key);
    const customer = await first.json();
    for (const value of [body.email, body.company_name, body.external_id, customer.id, "Hauptstr"])
      expect(stored).not.toContain(value);
  });

  test("POST /api_keys.json (an admin): the replay returns the same key secret; the record holds no part of it", async ({
    request,
  }) => {
    const key = `idem-${randomUUID()}`;
    const name = `idempotent ${randomUUID()}`;
    const headers = { ...(await staffHeaders("admin")), "idempotency-key": key };
    const first = await request.post("/api_keys.json", { headers, data: { name, scopes: ["read"] } });
    expect(first.status()).toBe(201);
    const created = await first.json();
    try {
      const replay = await request.post("/api_keys.json", { headers, data: { name, scopes: ["read"] } });
      expect(replay.status()).toBe(201);
      expect(await replay.text()).toBe(await first.text());

      const stored = await storedRecord(key);
      const secret = String(created.secret);
      expect(secret.length).toBeGreaterThan(20);
      for (let start = 0; start + 8 <= secret.length; start++)
        expect(stored, "a piece of the key in the record").not.toContain(secret.slice(start, start + 8));
      expect(stored).not.toContain(name);
    } finally {
      await request.delete(`/api_keys/${created.id}.json`, { headers: await staffHeaders("admin") });
    }
  });
});

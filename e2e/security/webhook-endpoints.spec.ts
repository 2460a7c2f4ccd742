import { randomUUID } from "node:crypto";
import { type APIRequestContext, expect, test } from "@playwright/test";
import { ulid } from "ulid";
import { newCustomerBody } from "../../tests/support/customer-body";
import { bearer } from "../support/api";
import { credentials } from "../support/credentials";
import { queryDeployedDatabase } from "./support/deployed-database";
import { staffHeaders } from "./support/staff-headers";

// Webhook endpoints on the deployed server: the cap on their number, the signing secret in an
// idempotent replay, and who sees their URLs. These tests change how many endpoints exist, so
// they run one after another (the cap test counts them).
//
// The endpoints point at a public address literal (registration accepts it without DNS) and
// enable only charge.refunded, which nothing here fires: no delivery is ever sent anywhere.

test.describe.configure({ mode: "default" });

const MAX_ENDPOINTS = 16; // WEBHOOK_MAX_ENDPOINTS's default: the deployed server sets nothing
const write = () => bearer(credentials().deployed.writeKey);

function endpointBody(tag: string) {
  return { url: `https://93.184.215.14/hooks/${tag}`, enabled_events: ["charge.refunded"] };
}

async function register(request: APIRequestContext, body: object, headers: Record<string, string> = {}) {
  return request.post("/webhook_endpoints.json", { headers: { ...write(), ...headers }, data: body });
}

async function activeEndpoints(): Promise<number> {
  const [row] = await queryDeployedDatabase<{ n: number }>(
    "select count(*)::int as n from webhook_endpoints where deleted_at is null",
  );
  return row?.n ?? 0;
}

test.describe("webhook endpoints on the deployed server", () => {
  test("POST /webhook_endpoints.json past WEBHOOK_MAX_ENDPOINTS (16) is a 409 naming the limit, and stores nothing", async ({
    request,
  }) => {
    const before = await activeEndpoints();
    expect(before).toBeLessThan(MAX_ENDPOINTS);
    const ids: string[] = [];
    try {
      for (let index = before; index < MAX_ENDPOINTS; index++) {
        const response = await register(request, endpointBody(`cap-${randomUUID()}`));
        expect(response.status()).toBe(201);
        ids.push((await response.json()).id);
      }
      const tag = `cap-refused-${randomUUID()}`;
      const refused = await register(request, endpointBody(tag));
      expect(refused.status()).toBe(409);
      expect(refused.headers()["content-type"]).toContain("application/problem+json");
      expect(await refused.json()).toMatchObject({
        type: "/problems/limit-reached",
        status: 409,
        limit: "WEBHOOK_MAX_ENDPOINTS",
        max: MAX_ENDPOINTS,
        detail: expect.stringContaining("WEBHOOK_MAX_ENDPOINTS"),
      });
      expect(await activeEndpoints()).toBe(MAX_ENDPOINTS);
      expect(
        await queryDeployedDatabase("select id from webhook_endpoints where url like $1", [`%${tag}`]),
      ).toEqual([]);
    } finally {
      for (const id of ids) await request.delete(`/webhook_endpoints/${id}.json`, { headers: write() });
    }
  });

  test("an Idempotency-Key replay returns the signing secret again, and the stored record holds no part of it in clear", async ({
    request,
  }) => {
    const key = `idem-${randomUUID()}`;
    const tag = `idem-${randomUUID()}`;
    const first = await register(request, endpointBody(tag), { "idempotency-key": key });
    expect(first.status()).toBe(201);
    const created = await first.json();
    try {
      expect(created.secret).toMatch(/^whsec_/);
      const replay = await register(request, endpointBody(tag), { "idempotency-key": key });
      expect(replay.status()).toBe(201);
      expect(await replay.text()).toBe(await first.text());

      const [record] = await queryDeployedDatabase<{ row: Record<string, unknown> }>(
        "select to_jsonb(k) as row from idempotency_keys k where key = $1",
        [key],
      );
      expect(record?.row).toMatchObject({ response_status: 201 });
      const stored = JSON.stringify(record?.row);
      const secret = String(created.secret).slice("whsec_".length);
      for (let start = 0; start + 8 <= secret.length; start++)
        expect(stored, "a piece of the secret in the record").not.toContain(secret.slice(start, start + 8));
      expect(stored).not.toContain("whsec_");
      expect(stored).not.toContain(tag);
      expect(stored).not.toContain(created.id);
    } finally {
      await request.delete(`/webhook_endpoints/${created.id}.json`, { headers: write() });
    }
  });

  test("deliveries show read keys, finance and viewers only the endpoint URL's origin; write keys and admins see it whole", async ({
    request,
  }) => {
    const pathToken = `p${randomUUID().replaceAll("-", "")}`;
    const queryToken = `q${randomUUID().replaceAll("-", "")}`;
    const url = `https://93.184.215.14:8443/in/${pathToken}?token=${queryToken}`;
    const registered = await register(request, { url, enabled_events: ["charge.refunded"] });
    expect(registered.status()).toBe(201);
    const endpoint = await registered.json();
    try {
      const customerResponse = await request.post("/customers.json", {
        headers: write(),
        data: newCustomerBody(),
      });
      expect(customerResponse.status()).toBe(201);
      const customer = await customerResponse.json();
      // A finished delivery of the customer's event to the endpoint, as a worker would have left it
      // (a real one would send the event to that address).
      const deliveryId = `whd_${ulid()}`;
      await queryDeployedDatabase(
        `insert into webhook_deliveries (id, endpoint_id, event_id, customer_id, status, attempt_count, last_status_code, last_error)
         select $1, $2, id, customer_id, 'failed', 1, 410, 'HTTP 410' from domain_events where customer_id = $3 and type = 'customer.created'`,
        [deliveryId, endpoint.id, customer.id],
      );
      const callers: [string, Record<string, string>, string][] = [
        ["the read key", bearer(credentials().deployed.readKey), "https://93.184.215.14:8443"],
        ["a finance session", await staffHeaders("finance"), "https://93.184.215.14:8443"],
        ["a viewer session", await staffHeaders("viewer"), "https://93.184.215.14:8443"],
        ["the write key", write(), url],
        ["an admin session", await staffHeaders("admin"), url],
      ];
      for (const [caller, headers, expected] of callers) {
        const deliveries = await request.get(`/customers/${customer.id}/webhook_deliveries.json`, {
          headers,
        });
        expect(deliveries.status(), caller).toBe(200);
        const listed = (await deliveries.json()).data.find(
          (delivery: { id: string }) => delivery.id === deliveryId,
        );
        expect(listed?.endpoint_url, caller).toBe(expected);
        if (expected === url) continue;
        const graph = await request.get(`/customers/${customer.id}/graph.json`, { headers });
        expect(graph.status(), caller).toBe(200);
        for (const response of [deliveries, graph]) {
          const text = await response.text();
          expect(text, caller).not.toContain(pathToken);
          expect(text, caller).not.toContain(queryToken);
        }
      }
    } finally {
      await request.delete(`/webhook_endpoints/${endpoint.id}.json`, { headers: write() });
    }
  });
});

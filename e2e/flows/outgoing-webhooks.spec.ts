import { expect, test } from "@playwright/test";
import { failingFirst, hasValidSignature, startWebhookReceiver } from "../../tests/support/webhook-receiver";
import { createCustomer, writeHeaders } from "../support/api";

async function registerEndpoint(
  request: Parameters<typeof createCustomer>[0],
  url: string,
  enabledEvents: string[],
) {
  const response = await request.post("/webhook_endpoints.json", {
    headers: writeHeaders(),
    data: { url, enabled_events: enabledEvents },
  });
  expect(response.status()).toBe(201);
  return (await response.json()) as { id: string; secret: string; url: string; enabled_events: string[] };
}

test.describe("outgoing webhooks", () => {
  test("POST /webhook_endpoints.json shows the signing secret once; GET lists without it; DELETE stops it", async ({
    request,
  }) => {
    const receiver = await startWebhookReceiver();
    try {
      const endpoint = await registerEndpoint(request, receiver.url, ["customer.created"]);
      expect(endpoint.secret).toMatch(/^whsec_/);
      const list = await (await request.get("/webhook_endpoints.json", { headers: writeHeaders() })).json();
      const listed = list.data.find((item: { id: string }) => item.id === endpoint.id);
      expect(listed).toMatchObject({ url: receiver.url, enabled_events: ["customer.created"] });
      expect(listed.secret).toBeUndefined();
      expect(JSON.stringify(list)).not.toContain(endpoint.secret);
      expect(
        (
          await request.delete(`/webhook_endpoints/${endpoint.id}.json`, { headers: writeHeaders() })
        ).status(),
      ).toBe(200);
      const after = await (await request.get("/webhook_endpoints.json", { headers: writeHeaders() })).json();
      expect(after.data.some((item: { id: string }) => item.id === endpoint.id)).toBe(false);
    } finally {
      await receiver.close();
    }
  });

  test("an unknown event type or a non-URL is refused with 422 naming the field", async ({ request }) => {
    const response = await request.post("/webhook_endpoints.json", {
      headers: writeHeaders(),
      data: { url: "not a url", enabled_events: ["customer.exploded"] },
    });
    expect(response.status()).toBe(422);
    const fields = (await response.json()).errors.map((error: { field: string }) => error.field);
    expect(fields).toEqual(expect.arrayContaining(["enabled_events[0]"]));
  });

  test("a description PostgreSQL cannot store (NUL) is a 422 naming it, and nothing is registered", async ({
    request,
  }) => {
    const url = `https://hooks.example/nul-${Date.now()}`;
    const response = await request.post("/webhook_endpoints.json", {
      headers: writeHeaders(),
      data: { url, enabled_events: ["*"], description: "a\u0000b" },
    });
    expect(response.status()).toBe(422);
    const fields = (await response.json()).errors.map((error: { field: string }) => error.field);
    expect(fields).toEqual(["description"]);
    const list = await (await request.get("/webhook_endpoints.json", { headers: writeHeaders() })).json();
    expect(list.data.some((endpoint: { url: string }) => endpoint.url === url)).toBe(false);
  });

  test("customer.created reaches the endpoint signed (Standard Webhooks), retried until acknowledged", async ({
    request,
  }) => {
    const receiver = await startWebhookReceiver({ answer: failingFirst(2) });
    const endpoint = await registerEndpoint(request, receiver.url, ["customer.created"]);
    try {
      const customer = await createCustomer(request);
      const forCustomer = () =>
        receiver.received.filter((hook) => (hook.json.data as { id?: string }).id === customer.id);
      await expect
        .poll(() => forCustomer().filter((hook) => hook.answeredWith === 204).length, { timeout: 30_000 })
        .toBe(1);

      const attempts = forCustomer();
      expect(attempts.map((hook) => hook.answeredWith)).toEqual([500, 500, 204]);
      for (const hook of attempts) {
        expect(hook.json.type).toBe("customer.created");
        expect(hasValidSignature(endpoint.secret, hook)).toBe(true);
        expect(hasValidSignature("whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", hook)).toBe(false);
      }
      // One message id across the retries, so the receiver can de-duplicate.
      expect(new Set(attempts.map((hook) => hook.headers["webhook-id"])).size).toBe(1);

      // Each attempt is recorded and visible per customer.
      await expect
        .poll(async () => {
          const deliveries = await (
            await request.get(`/customers/${customer.id}/webhook_deliveries.json`, {
              headers: writeHeaders(),
            })
          ).json();
          return deliveries.data.find(
            (delivery: { endpoint_id: string }) => delivery.endpoint_id === endpoint.id,
          );
        })
        .toMatchObject({
          status: "succeeded",
          attempt_count: 3,
          last_status_code: 204,
          event_type: "customer.created",
        });
    } finally {
      await request.delete(`/webhook_endpoints/${endpoint.id}.json`, { headers: writeHeaders() });
      await receiver.close();
    }
  });

  test("an endpoint receives only the event types it enabled", async ({ request }) => {
    const receiver = await startWebhookReceiver();
    const endpoint = await registerEndpoint(request, receiver.url, ["customer.deleted"]);
    try {
      const customer = await createCustomer(request);
      await request.delete(`/customers/${customer.id}.json`, { headers: writeHeaders() });
      const forCustomer = () =>
        receiver.received.filter((hook) => (hook.json.data as { id?: string }).id === customer.id);
      await expect.poll(() => forCustomer().length, { timeout: 20_000 }).toBe(1);
      expect(forCustomer()[0]?.json.type).toBe("customer.deleted");
    } finally {
      await request.delete(`/webhook_endpoints/${endpoint.id}.json`, { headers: writeHeaders() });
      await receiver.close();
    }
  });
});

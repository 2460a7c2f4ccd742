import { expect, test } from "@playwright/test";
import { createCustomer, problemOf, writeHeaders } from "../support/api";
import { queryDatabase } from "../support/api-database";
import { expectMatchesOpenApi } from "../support/api-openapi";
import { billableCustomer, charge, DECLINING_CARD, emulatorStripe } from "./billing-support";

test.describe("POST /customers/{id}/charges.json", () => {
  test("charges the default card: 201 succeeded, listed, announced, matching the OpenAPI document", async ({
    request,
  }) => {
    const customer = await billableCustomer(request);
    const response = await charge(request, customer.id, { amount: 1500 });
    expect(response.status()).toBe(201);
    await expectMatchesOpenApi(request, response, "/customers/{id}/charges.json", "post");
    const body = await response.json();
    expect(body).toMatchObject({
      id: expect.stringMatching(/^ch_/),
      object: "charge",
      status: "succeeded",
      amount: 1500,
      currency: "USD",
      failure_code: null,
      failure_message: null,
      amount_refunded: 0,
    });
    const list = await request.get(`/customers/${customer.id}/charges.json`, { headers: writeHeaders() });
    expect((await list.json()).data.map((row: { id: string }) => row.id)).toEqual([body.id]);
    const events = await queryDatabase<{ type: string }>(
      "select type from domain_events where customer_id = $1 and type like 'charge.%'",
      [customer.id],
    );
    expect(events.map((event) => event.type)).toEqual(["charge.succeeded"]);
  });

  test("10 concurrent submits with one Idempotency-Key charge once", async ({ request }) => {
    const customer = await billableCustomer(request);
    const key = crypto.randomUUID();
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => charge(request, customer.id, { amount: 2500 }, key)),
    );
    const statuses = responses.map((response) => response.status());
    // The first wins; the others either replay it or are told it is still running (409).
    expect(statuses.every((status) => status === 201 || status === 409)).toBe(true);
    expect(statuses).toContain(201);
    const ids = new Set(
      await Promise.all(
        responses.filter((response) => response.status() === 201).map(async (r) => (await r.json()).id),
      ),
    );
    expect(ids.size).toBe(1);
    // A later retry replays the same charge.
    const retry = await charge(request, customer.id, { amount: 2500 }, key);
    expect(retry.status()).toBe(201);
    expect((await retry.json()).id).toBe([...ids][0]);

    const stripeCustomer = (
      await queryDatabase<{ stripe_customer_id: string }>(
        "select stripe_customer_id from customers where id = $1",
        [customer.id],
      )
    )[0]?.stripe_customer_id;
    const intents = await emulatorStripe().paymentIntents.list({ customer: stripeCustomer, limit: 100 });
    expect(intents.data.filter((intent) => intent.amount === 2500)).toHaveLength(1);
    const rows = await queryDatabase("select id from charges where customer_id = $1", [customer.id]);
    expect(rows).toHaveLength(1);
  });

  test("the same key with another body is refused (422); no key at all is refused (422)", async ({
    request,
  }) => {
    const customer = await billableCustomer(request);
    const key = crypto.randomUUID();
    expect((await charge(request, customer.id, { amount: 100 }, key)).status()).toBe(201);
    expect((await charge(request, customer.id, { amount: 200 }, key)).status()).toBe(422);
    const missing = await request.post(`/customers/${customer.id}/charges.json`, {
      headers: writeHeaders(),
      data: { amount: 100, currency: "USD" },
    });
    expect(missing.status()).toBe(422);
    expect((await problemOf(missing)).errors?.[0]?.field).toBe("Idempotency-Key");
  });

  test("a decline (card 0341) is a 201 failed charge with Stripe's reason, and a risk signal", async ({
    request,
  }) => {
    const customer = await billableCustomer(request, DECLINING_CARD);
    const response = await charge(request, customer.id, { amount: 1500 });
    expect(response.status()).toBe(201);
    expect(await response.json()).toMatchObject({
      status: "failed",
      failure_code: "card_declined",
      failure_message: expect.stringContaining("declined"),
    });
    const metrics = await (
      await request.get(`/customers/${customer.id}/metrics.json`, { headers: writeHeaders() })
    ).json();
    expect(metrics.risk.signals.map((signal: { code: string }) => signal.code)).toContain("charge_failed");
    const events = await queryDatabase<{ type: string }>(
      "select type from domain_events where customer_id = $1 and type like 'charge.%'",
      [customer.id],
    );
    expect(events.map((event) => event.type)).toEqual(["charge.failed"]);
  });

  test("bad bodies are 422 naming the fields; no card is 409; a suspended customer is 409", async ({
    request,
  }) => {
    const customer = await createCustomer(request);
    const bad = await charge(request, customer.id, { amount: 1.5, currency: "usd", extra: 1 });
    expect(bad.status()).toBe(422);
    const fields = (await problemOf(bad)).errors?.map((error) => error.field);
    expect(fields).toEqual(expect.arrayContaining(["amount", "currency"]));
    expect((await charge(request, customer.id, { amount: 100 })).status()).toBe(409);

    const billable = await billableCustomer(request);
    await request.patch(`/customers/${billable.id}.json`, {
      headers: writeHeaders(),
      data: { status: "suspended" },
    });
    expect((await charge(request, billable.id, { amount: 100 })).status()).toBe(409);
  });
});

test.describe("POST /charges/{id}/refund.json", () => {
  test("partial, then the rest; over-refunds are refused and nothing more is refunded", async ({
    request,
  }) => {
    const customer = await billableCustomer(request);
    const { id } = await (await charge(request, customer.id, { amount: 1000 })).json();
    const refund = (data: Record<string, unknown>) =>
      request.post(`/charges/${id}/refund.json`, { headers: writeHeaders(), data });

    const partial = await refund({ amount: 300 });
    expect(partial.status()).toBe(200);
    await expectMatchesOpenApi(request, partial, "/charges/{id}/refund.json", "post");
    expect(await partial.json()).toMatchObject({ amount_refunded: 300, refunded: false });

    const over = await refund({ amount: 701 });
    expect(over.status()).toBe(422);
    expect((await problemOf(over)).errors?.[0]?.field).toBe("amount");

    const rest = await refund({});
    expect(await rest.json()).toMatchObject({ amount_refunded: 1000, refunded: true });
    expect((await rest.json()).refunds).toHaveLength(2);
    expect((await refund({})).status()).toBe(409);

    const events = await queryDatabase<{ type: string }>(
      "select type from domain_events where customer_id = $1 and type = 'charge.refunded'",
      [customer.id],
    );
    expect(events).toHaveLength(2);
    // The charge.refunded webhooks that follow do not count the refunds again.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const stored = await (await request.get(`/charges/${id}.json`, { headers: writeHeaders() })).json();
    expect(stored).toMatchObject({ amount_refunded: 1000 });
    expect(stored.refunds).toHaveLength(2);
  });

  test("a retry with the same Idempotency-Key refunds once; a failed charge cannot be refunded", async ({
    request,
  }) => {
    const customer = await billableCustomer(request);
    const { id } = await (await charge(request, customer.id, { amount: 1000 })).json();
    const key = crypto.randomUUID();
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const response = await request.post(`/charges/${id}/refund.json`, {
        headers: { ...writeHeaders(), "idempotency-key": key },
        data: { amount: 400 },
      });
      expect(await response.json()).toMatchObject({ amount_refunded: 400 });
    }
    const declined = await billableCustomer(request, DECLINING_CARD);
    const failed = await (await charge(request, declined.id, { amount: 1000 })).json();
    const refused = await request.post(`/charges/${failed.id}/refund.json`, {
      headers: writeHeaders(),
      data: {},
    });
    expect(refused.status()).toBe(409);
    expect(
      (await request.post(`/charges/ch_nope/refund.json`, { headers: writeHeaders(), data: {} })).status(),
    ).toBe(404);
  });
});

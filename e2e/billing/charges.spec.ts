import * as api from "@donutwork/api-client";
import { expect, test } from "@playwright/test";
import { createCustomer, problemOf, writeClient, writeHeaders } from "../support/api";
import { domainEventTypes, queryDatabase } from "../support/api-database";
import { expectResultMatchesOpenApi } from "../support/api-openapi";
import { expectData, expectProblemOf } from "../support/api-typed";
import { emulatorNow, stripeCustomerIdOf, stripeEventsProcessed } from "../support/stripe-events";
import { emulatorStripe } from "../support/stripe-test-helpers";
import { billableCustomer, charge, DECLINING_CARD } from "./billing-support";

test.describe("POST /customers/{id}/charges.json", () => {
  test("charges the default card: 201 succeeded, listed, announced, matching the OpenAPI document", async ({
    request,
  }) => {
    const customer = await billableCustomer(request);
    const result = await charge(request, customer.id, { amount: 1500 });
    await expectResultMatchesOpenApi(request, result, "/customers/{id}/charges.json", "post");
    const body = expectData(result, 201);
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
    const list = await api.listCharges({ client: writeClient(request), path: { id: customer.id } });
    expect(expectData(list, 200).data.map((row) => row.id)).toEqual([body.id]);
    const events = await domainEventTypes(customer.id, "charge.");
    expect(events).toEqual(["charge.succeeded"]);
  });

  test("10 concurrent submits with one Idempotency-Key charge once", async ({ request }) => {
    const customer = await billableCustomer(request);
    const key = crypto.randomUUID();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => charge(request, customer.id, { amount: 2500 }, key)),
    );
    const statuses = results.map((result) => result.response.status);
    // The first wins; the others either replay it or are told it is still running (409).
    expect(statuses.every((status) => status === 201 || status === 409)).toBe(true);
    expect(statuses).toContain(201);
    const ids = new Set(results.flatMap((result) => (result.data ? [result.data.id] : [])));
    expect(ids.size).toBe(1);
    // A later retry replays the same charge.
    const retry = await charge(request, customer.id, { amount: 2500 }, key);
    expect(expectData(retry, 201).id).toBe([...ids][0]);

    const intents = await emulatorStripe().paymentIntents.list({
      customer: await stripeCustomerIdOf(customer.id),
      limit: 100,
    });
    expect(intents.data.filter((intent) => intent.amount === 2500)).toHaveLength(1);
    const rows = await queryDatabase("select id from charges where customer_id = $1", [customer.id]);
    expect(rows).toHaveLength(1);
  });

  test("the same key with another body is refused (422); no key at all is refused (422)", async ({
    request,
  }) => {
    const customer = await billableCustomer(request);
    const key = crypto.randomUUID();
    expectData(await charge(request, customer.id, { amount: 100 }, key), 201);
    expectProblemOf(await charge(request, customer.id, { amount: 200 }, key), 422);
    // Without the header the document's required parameter is missing: a raw request.
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
    expect(expectData(await charge(request, customer.id, { amount: 1500 }), 201)).toMatchObject({
      status: "failed",
      failure_code: "card_declined",
      failure_message: expect.stringContaining("declined"),
    });
    const metrics = expectData(
      await api.getCustomerMetrics({ client: writeClient(request), path: { id: customer.id } }),
      200,
    );
    expect(metrics.risk.signals.map((signal) => signal.code)).toContain("charge_failed");
    const events = await domainEventTypes(customer.id, "charge.");
    expect(events).toEqual(["charge.failed"]);
  });

  test("bad bodies are 422 naming the fields; no card is 409; a suspended customer is 409", async ({
    request,
  }) => {
    const customer = await createCustomer(request);
    // A body the document does not allow (a fraction, lower case, an unknown field): a raw request.
    const bad = await request.post(`/customers/${customer.id}/charges.json`, {
      headers: { ...writeHeaders(), "idempotency-key": crypto.randomUUID() },
      data: { amount: 1.5, currency: "usd", description: "Setup fee", extra: 1 },
    });
    expect(bad.status()).toBe(422);
    const fields = (await problemOf(bad)).errors?.map((error) => error.field);
    expect(fields).toEqual(expect.arrayContaining(["amount", "currency"]));
    expectProblemOf(await charge(request, customer.id, { amount: 100 }), 409);

    const billable = await billableCustomer(request);
    expectData(
      await api.updateCustomer({
        client: writeClient(request),
        path: { id: billable.id },
        body: { status: "suspended" },
      }),
      200,
    );
    expectProblemOf(await charge(request, billable.id, { amount: 100 }), 409);
  });
});

test.describe("POST /charges/{id}/refund.json", () => {
  test("partial, then the rest; over-refunds are refused and nothing more is refunded", async ({
    request,
  }) => {
    const customer = await billableCustomer(request);
    const { id } = expectData(await charge(request, customer.id, { amount: 1000 }), 201);
    const since = await emulatorNow(request);
    const refund = (body: { amount?: number }) =>
      api.refundCharge({ client: writeClient(request), path: { id }, body });

    const partial = await refund({ amount: 300 });
    await expectResultMatchesOpenApi(request, partial, "/charges/{id}/refund.json", "post");
    expect(expectData(partial, 200)).toMatchObject({ amount_refunded: 300, refunded: false });

    expect(expectProblemOf(await refund({ amount: 701 }), 422).errors?.[0]?.field).toBe("amount");

    const rest = expectData(await refund({}), 200);
    expect(rest).toMatchObject({ amount_refunded: 1000, refunded: true });
    expect(rest.refunds).toHaveLength(2);
    expectProblemOf(await refund({}), 409);

    const events = await domainEventTypes(customer.id, "charge.refunded");
    expect(events).toHaveLength(2);
    // The charge.refunded webhooks that follow do not count the refunds again: once both have
    // been processed.
    const processed = await stripeEventsProcessed(await stripeCustomerIdOf(customer.id), since);
    expect(processed.filter((type) => type === "charge.refunded")).toHaveLength(2);
    const stored = expectData(await api.getCharge({ client: writeClient(request), path: { id } }), 200);
    expect(stored).toMatchObject({ amount_refunded: 1000 });
    expect(stored.refunds).toHaveLength(2);
  });

  test("a retry with the same Idempotency-Key refunds once; a failed charge cannot be refunded", async ({
    request,
  }) => {
    const customer = await billableCustomer(request);
    const { id } = expectData(await charge(request, customer.id, { amount: 1000 }), 201);
    const key = crypto.randomUUID();
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const result = await api.refundCharge({
        client: writeClient(request),
        path: { id },
        headers: { "idempotency-key": key },
        body: { amount: 400 },
      });
      expect(expectData(result, 200)).toMatchObject({ amount_refunded: 400 });
    }
    const declined = await billableCustomer(request, DECLINING_CARD);
    const failed = expectData(await charge(request, declined.id, { amount: 1000 }), 201);
    const refuse = (chargeId: string) =>
      api.refundCharge({ client: writeClient(request), path: { id: chargeId }, body: {} });
    expectProblemOf(await refuse(failed.id), 409);
    expectProblemOf(await refuse("ch_nope"), 404);
  });
});

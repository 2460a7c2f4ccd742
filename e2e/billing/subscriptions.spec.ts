import * as api from "@donutwork/api-client";
import { expect, test } from "@playwright/test";
import { createSubscriptionExample } from "../../lib/validations/examples";
import { createCustomer, problemOf, writeClient, writeHeaders } from "../support/api";
import { domainEventTypes } from "../support/api-database";
import { expectResultMatchesOpenApi } from "../support/api-openapi";
import { expectData, expectProblemOf } from "../support/api-typed";
import { emulatorNow, stripeCustomerIdOf, stripeEventsProcessed } from "../support/stripe-events";
import { billableCustomer, DECLINING_CARD, metricsOf, subscribe } from "./billing-support";

test.describe("POST /customers/{id}/subscriptions.json", () => {
  test("201 active on the default card, matching the OpenAPI document, listed and announced", async ({
    request,
  }) => {
    const customer = await billableCustomer(request);
    const client = writeClient(request);
    const since = await emulatorNow(request);
    const result = await api.createSubscription({
      client,
      path: { id: customer.id },
      // The OpenAPI document's example body (the contract's), as an integrator would send it.
      body: { ...createSubscriptionExample, interval: "month" },
    });
    await expectResultMatchesOpenApi(request, result, "/customers/{id}/subscriptions.json", "post");
    const body = expectData(result, 201);
    expect(body).toMatchObject({
      id: expect.stringMatching(/^sub_/),
      object: "subscription",
      status: "active",
      amount: 4900,
      quantity: 2,
      currency: "USD",
      interval: "month",
      mrr: 9800,
    });
    const list = await api.listSubscriptions({ client, path: { id: customer.id } });
    await expectResultMatchesOpenApi(request, list, "/customers/{id}/subscriptions.json", "get");
    expect(expectData(list, 200).data.map((row) => row.id)).toEqual([body.id]);
    // Webhooks that follow converge on the same row and announce nothing new: once Stripe's
    // events about the customer (the subscription's, its first invoice's) have been processed.
    const processed = await stripeEventsProcessed(await stripeCustomerIdOf(customer.id), since);
    expect(processed).toEqual(expect.arrayContaining(["customer.subscription.created", "invoice.paid"]));
    const events = await domainEventTypes(customer.id, "subscription.");
    expect(events).toEqual(["subscription.created"]);
  });

  test("no default payment method: 409; suspended customer: 409; bad body: 422 naming fields", async ({
    request,
  }) => {
    const client = writeClient(request);
    const pro = { description: "Pro", amount: 4900, currency: "USD", interval: "month" } as const;
    const bare = await createCustomer(request);
    const noCard = await api.createSubscription({ client, path: { id: bare.id }, body: pro });
    expect(expectProblemOf(noCard, 409).detail).toMatch(/payment method/);

    const customer = await billableCustomer(request);
    // Values and a field the document does not allow: a raw request.
    const bad = await request.post(`/customers/${customer.id}/subscriptions.json`, {
      headers: writeHeaders(),
      data: { description: "", amount: -1, currency: "usd", interval: "week", quantity: 0, colour: "red" },
    });
    expect(bad.status()).toBe(422);
    const fields = (await problemOf(bad)).errors?.map((error) => error.field) ?? [];
    expect(fields).toEqual(
      expect.arrayContaining(["description", "amount", "currency", "interval", "quantity"]),
    );

    const suspend = { client, path: { id: customer.id }, body: { status: "suspended" as const } };
    expectData(await api.updateCustomer(suspend), 200);
    expectProblemOf(await api.createSubscription({ client, path: { id: customer.id }, body: pro }), 409);
  });

  test("a declined first payment (card 0341) is an incomplete subscription that counts 0", async ({
    request,
  }) => {
    const customer = await billableCustomer(request, DECLINING_CARD);
    const subscription = await subscribe(request, customer.id, { amount: 1000 });
    expect(subscription.status).toBe("incomplete");
    expect((await metricsOf(request, customer.id)).mrr).toBe(0);
  });
});

test.describe("PATCH and DELETE /subscriptions/{id}.json", () => {
  test("quantity and amount changes move MRR; cancel at period end keeps counting; cancel now stops", async ({
    request,
  }) => {
    const client = writeClient(request);
    const customer = await billableCustomer(request);
    const subscription = await subscribe(request, customer.id, { amount: 1000 });
    const path = { id: subscription.id };
    const patched = await api.updateSubscription({ client, path, body: { quantity: 3 } });
    expect(expectData(patched, 200)).toMatchObject({ quantity: 3, mrr: 3000 });
    const repriced = await api.updateSubscription({ client, path, body: { amount: 2000 } });
    expect(expectData(repriced, 200)).toMatchObject({ amount: 2000, quantity: 3, mrr: 6000 });
    expect((await metricsOf(request, customer.id)).mrr).toBe(6000);

    const atEnd = await api.cancelSubscription({ client, path, query: { at_period_end: "true" } });
    expect(expectData(atEnd, 200)).toMatchObject({ status: "active", cancel_at_period_end: true });
    expect((await metricsOf(request, customer.id)).mrr).toBe(6000);

    const now = await api.cancelSubscription({ client, path });
    expect(expectData(now, 200)).toMatchObject({ status: "canceled", mrr: 0 });
    expect((await metricsOf(request, customer.id)).mrr).toBe(0);
    // Cancelling again answers the canceled subscription; changing it is a 409.
    expectData(await api.cancelSubscription({ client, path }), 200);
    expectProblemOf(await api.updateSubscription({ client, path, body: { quantity: 1 } }), 409);
    const events = await domainEventTypes(customer.id, "subscription.");
    expect(events).toEqual(expect.arrayContaining(["subscription.canceled"]));
  });

  test("unknown ids are 404", async ({ request }) => {
    const unknown = { client: writeClient(request), path: { id: "sub_nope" } };
    expectProblemOf(await api.getSubscription(unknown), 404);
    expectProblemOf(await api.cancelSubscription(unknown), 404);
  });
});

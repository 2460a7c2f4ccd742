import { expect, test } from "@playwright/test";
import { createCustomer, problemOf, writeHeaders } from "../support/api";
import { queryDatabase } from "../support/api-database";
import { expectMatchesOpenApi } from "../support/api-openapi";
import { billableCustomer, DECLINING_CARD, metricsOf, subscribe, subscriptionOf } from "./billing-support";

test.describe("POST /customers/{id}/subscriptions.json", () => {
  test("201 active on the default card, matching the OpenAPI document, listed and announced", async ({
    request,
  }) => {
    const customer = await billableCustomer(request);
    const response = await request.post(`/customers/${customer.id}/subscriptions.json`, {
      headers: writeHeaders(),
      data: {
        description: "Pro plan",
        amount: 4900,
        currency: "USD",
        interval: "month",
        quantity: 2,
        trial_days: 0,
      },
    });
    expect(response.status()).toBe(201);
    await expectMatchesOpenApi(request, response, "/customers/{id}/subscriptions.json", "post");
    const body = await response.json();
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
    const list = await request.get(`/customers/${customer.id}/subscriptions.json`, {
      headers: writeHeaders(),
    });
    await expectMatchesOpenApi(request, list, "/customers/{id}/subscriptions.json", "get");
    expect((await list.json()).data.map((row: { id: string }) => row.id)).toEqual([body.id]);
    // Webhooks that follow converge on the same row and announce nothing new.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const events = await queryDatabase<{ type: string }>(
      "select type from domain_events where customer_id = $1 and type like 'subscription.%' order by created_at",
      [customer.id],
    );
    expect(events.map((event) => event.type)).toEqual(["subscription.created"]);
  });

  test("no default payment method: 409; suspended customer: 409; bad body: 422 naming fields", async ({
    request,
  }) => {
    const bare = await createCustomer(request);
    const noCard = await request.post(`/customers/${bare.id}/subscriptions.json`, {
      headers: writeHeaders(),
      data: { description: "Pro", amount: 4900, currency: "USD", interval: "month" },
    });
    expect(noCard.status()).toBe(409);
    expect((await problemOf(noCard)).detail).toMatch(/payment method/);

    const customer = await billableCustomer(request);
    const bad = await request.post(`/customers/${customer.id}/subscriptions.json`, {
      headers: writeHeaders(),
      data: { description: "", amount: -1, currency: "usd", interval: "week", quantity: 0, colour: "red" },
    });
    expect(bad.status()).toBe(422);
    const fields = (await problemOf(bad)).errors?.map((error) => error.field) ?? [];
    expect(fields).toEqual(
      expect.arrayContaining(["description", "amount", "currency", "interval", "quantity"]),
    );

    await request.patch(`/customers/${customer.id}.json`, {
      headers: writeHeaders(),
      data: { status: "suspended" },
    });
    const suspended = await request.post(`/customers/${customer.id}/subscriptions.json`, {
      headers: writeHeaders(),
      data: { description: "Pro", amount: 4900, currency: "USD", interval: "month" },
    });
    expect(suspended.status()).toBe(409);
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
    const customer = await billableCustomer(request);
    const subscription = await subscribe(request, customer.id, { amount: 1000 });
    const patched = await request.patch(`/subscriptions/${subscription.id}.json`, {
      headers: writeHeaders(),
      data: { quantity: 3 },
    });
    expect(patched.status(), await patched.text()).toBe(200);
    expect(await patched.json()).toMatchObject({ quantity: 3, mrr: 3000 });
    const repriced = await request.patch(`/subscriptions/${subscription.id}.json`, {
      headers: writeHeaders(),
      data: { amount: 2000 },
    });
    expect(await repriced.json()).toMatchObject({ amount: 2000, quantity: 3, mrr: 6000 });
    expect((await metricsOf(request, customer.id)).mrr).toBe(6000);

    const atEnd = await request.delete(`/subscriptions/${subscription.id}.json?at_period_end=true`, {
      headers: writeHeaders(),
    });
    expect(await atEnd.json()).toMatchObject({ status: "active", cancel_at_period_end: true });
    expect((await metricsOf(request, customer.id)).mrr).toBe(6000);

    const now = await request.delete(`/subscriptions/${subscription.id}.json`, { headers: writeHeaders() });
    expect(now.status()).toBe(200);
    expect(await now.json()).toMatchObject({ status: "canceled", mrr: 0 });
    expect((await metricsOf(request, customer.id)).mrr).toBe(0);
    // Cancelling again answers the canceled subscription; changing it is a 409.
    expect(
      (await request.delete(`/subscriptions/${subscription.id}.json`, { headers: writeHeaders() })).status(),
    ).toBe(200);
    const late = await request.patch(`/subscriptions/${subscription.id}.json`, {
      headers: writeHeaders(),
      data: { quantity: 1 },
    });
    expect(late.status()).toBe(409);
    const events = await queryDatabase<{ type: string }>(
      "select type from domain_events where customer_id = $1 and type like 'subscription.%' order by created_at, id",
      [customer.id],
    );
    expect(events.map((event) => event.type)).toEqual(expect.arrayContaining(["subscription.canceled"]));
  });

  test("DELETE /customers/{id}.json cancels the customer's subscriptions", async ({ request }) => {
    const customer = await billableCustomer(request);
    const first = await subscribe(request, customer.id, {});
    const second = await subscribe(request, customer.id, { interval: "year", amount: 12000 });
    const deleted = await request.delete(`/customers/${customer.id}.json`, { headers: writeHeaders() });
    expect(deleted.status()).toBe(200);
    expect((await subscriptionOf(request, first.id)).status).toBe("canceled");
    expect((await subscriptionOf(request, second.id)).status).toBe("canceled");
    expect((await metricsOf(request, customer.id)).mrr).toBe(0);
  });

  test("unknown ids are 404", async ({ request }) => {
    expect((await request.get("/subscriptions/sub_nope.json", { headers: writeHeaders() })).status()).toBe(
      404,
    );
    expect((await request.delete("/subscriptions/sub_nope.json", { headers: writeHeaders() })).status()).toBe(
      404,
    );
  });
});

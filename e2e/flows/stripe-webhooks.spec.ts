import { type APIRequestContext, expect, test } from "@playwright/test";
import { present } from "../../tests/support/present";
import { createCustomer, getCustomer } from "../support/api";
import { queryDatabase } from "../support/api-database";
import { customerWithSavedCard, newPaymentLink } from "../support/payment-onboarding";
import { stripeCustomerIdOf } from "../support/stripe-events";
import {
  emulatorStripe,
  injectStripeFailures,
  postStripeEvent,
  stripeEvent,
} from "../support/stripe-test-helpers";

const storedEvents = (id: string) =>
  queryDatabase<{ id: string; attempts: number; processed_at: Date | null; last_error: string | null }>(
    "select id, attempts, processed_at, last_error from stripe_events where id = $1",
    [id],
  );

async function cardOnFile(request: APIRequestContext, customerId: string) {
  await expect
    .poll(async () => (await getCustomer(request, customerId)).default_payment_method, {
      timeout: 20_000,
    })
    .not.toBeNull();
  return present((await getCustomer(request, customerId)).default_payment_method, "the card on file");
}

test.describe("POST /webhooks/stripe", () => {
  test("a bad signature is a 400 and nothing is recorded", async ({ request }) => {
    const event = stripeEvent("customer.updated", { id: "cus_unknown" });
    const response = await postStripeEvent(request, event, { secret: "whsec_not_the_right_secret" });
    expect(response.status()).toBe(400);
    expect((await response.json()).detail).toMatch(/signature/i);
    expect(await storedEvents(event.id)).toEqual([]);
  });

  test("a stale signature (older than 300 s) is a 400 and nothing is recorded", async ({ request }) => {
    const event = stripeEvent("customer.updated", { id: "cus_unknown" });
    const response = await postStripeEvent(request, event, {
      timestamp: Math.floor(Date.now() / 1000) - 301,
    });
    expect(response.status()).toBe(400);
    expect(await storedEvents(event.id)).toEqual([]);
  });

  test("a missing signature header is a 400", async ({ request }) => {
    const response = await request.post("/webhooks/stripe", {
      data: stripeEvent("customer.updated", { id: "cus_x" }),
    });
    expect(response.status()).toBe(400);
  });

  test("an unknown event type is acknowledged and ignored", async ({ request }) => {
    const event = stripeEvent("radar.early_fraud_warning.created", { id: "issfr_123" });
    expect((await postStripeEvent(request, event)).status()).toBe(200);
    await expect
      .poll(async () => (await storedEvents(event.id))[0]?.processed_at ?? null, { timeout: 15_000 })
      .not.toBeNull();
  });

  test("the same event delivered 50 times at once is recorded and applied once", async ({ request }) => {
    const { customer } = await customerWithSavedCard(request);
    const card = await cardOnFile(request, customer.id);
    const event = stripeEvent("customer.updated", { id: await stripeCustomerIdOf(customer.id) });

    const responses = await Promise.all(Array.from({ length: 50 }, () => postStripeEvent(request, event)));
    expect(responses.map((response) => response.status())).toEqual(Array(50).fill(200));

    await expect
      .poll(async () => (await storedEvents(event.id))[0]?.processed_at ?? null, { timeout: 15_000 })
      .not.toBeNull();
    const [stored] = await storedEvents(event.id);
    expect(stored?.attempts).toBe(1);
    const methods = await queryDatabase("select id from payment_methods where customer_id = $1", [
      customer.id,
    ]);
    expect(methods).toHaveLength(1);
    expect((await getCustomer(request, customer.id)).default_payment_method).toEqual(card);
  });

  test("events in reverse order end in the same state as in order (converging on Stripe's truth)", async ({
    request,
  }) => {
    const { customer } = await customerWithSavedCard(request);
    await cardOnFile(request, customer.id);
    const [row] = await queryDatabase<{ stripe_payment_method_id: string }>(
      "select stripe_payment_method_id from payment_methods where customer_id = $1",
      [customer.id],
    );
    const pmId = present(row, "the payment method row").stripe_payment_method_id;

    // Detach the card at Stripe (its webhooks arrive too), then replay a stale "attached" event
    // after the "detached" one: the card must stay detached, as Stripe says it is.
    const stripe = emulatorStripe();
    const detached = await stripe.paymentMethods.detach(pmId);
    const now = Math.floor(Date.now() / 1000);
    await postStripeEvent(request, stripeEvent("payment_method.detached", { ...detached }, now));
    await postStripeEvent(
      request,
      stripeEvent("payment_method.attached", { ...detached, customer: "cus_stale" }, now - 60),
    );

    await expect
      .poll(async () => (await getCustomer(request, customer.id)).default_payment_method, {
        timeout: 20_000,
      })
      .toBeNull();
    await expect
      .poll(
        async () =>
          (
            await queryDatabase<{ n: number }>(
              "select count(*)::int as n from stripe_events where payload->'data'->'object'->>'id' = $1 and processed_at is null",
              [pmId],
            )
          )[0]?.n,
        { timeout: 20_000 },
      )
      .toBe(0);
    const [card] = await queryDatabase<{ detached_at: Date | null }>(
      "select detached_at from payment_methods where stripe_payment_method_id = $1",
      [pmId],
    );
    expect(card?.detached_at).not.toBeNull();
  });

  test("a handler whose Stripe call fails is retried and then applied", async ({ request }) => {
    const customer = await createCustomer(request);
    const link = await newPaymentLink(request, customer.id);
    const opened = await request.get(link.url, { maxRedirects: 0 });
    const sessionId = /\/c\/pay\/(cs_[^/?]+)/.exec(opened.headers().location ?? "")?.[1] ?? "";
    expect(sessionId).not.toBe("");

    // The SDK retries twice itself; three failures make the handler throw once.
    await injectStripeFailures(request, `/v1/checkout/sessions/${sessionId}`, 3);
    const saved = await request.post(opened.headers().location ?? "", {
      form: { cardNumber: "4242424242424242", cardExpiry: "12 / 34" },
      maxRedirects: 0,
    });
    expect(saved.status()).toBe(303);

    const completedEvent = async () =>
      (
        await queryDatabase<{ attempts: number; processed_at: Date | null }>(
          "select attempts, processed_at from stripe_events where type = 'checkout.session.completed' and payload->'data'->'object'->>'id' = $1",
          [sessionId],
        )
      )[0];
    await expect
      .poll(async () => (await completedEvent())?.processed_at ?? null, { timeout: 30_000 })
      .not.toBeNull();
    expect((await completedEvent())?.attempts).toBe(2);
    const reopened = await request.get(link.url, { maxRedirects: 0 });
    expect(reopened.status()).toBe(410);
  });
});

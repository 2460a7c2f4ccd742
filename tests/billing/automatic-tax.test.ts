import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../lib/errors/app-error";
import { newCustomerBody } from "../support/customer-body";
import { type KeptFinancialsWorld, keptFinancialsWorld, TEST_ACTOR } from "../support/kept-financials";

// Subscriptions with STRIPE_AUTOMATIC_TAX=true, in the test process against the emulator: the
// e2e app runs without it, so this is where tax on is proved (an app environment of its own).

const FAR = { expMonth: 12, expYear: 2040 };
let world: KeptFinancialsWorld;

beforeAll(async () => {
  world = await keptFinancialsWorld("automatic_tax", { STRIPE_AUTOMATIC_TAX: "true" });
}, 120_000);

afterAll(async () => {
  await world?.close();
});

async function customerWithCard(address: Record<string, unknown>) {
  const body = newCustomerBody({ address: address as never });
  const { id } = await world.domain.createCustomer({ input: body as never, actor: TEST_ACTOR });
  await world.attachCard(id, { testId: "pm_card_visa", ...FAR });
  return id;
}

const subscribe = (customerId: string, amount: number) =>
  world.domain.createSubscription({
    customerId,
    input: { description: "Pro", amount, currency: "EUR", interval: "month", quantity: 1, trial_days: 0 },
    actor: TEST_ACTOR,
    idempotencyKey: undefined,
  });

async function stripeSubscriptionsOf(customerId: string) {
  const { stripeCustomerId } = await world.db().customer.findUniqueOrThrow({ where: { id: customerId } });
  return (await world.sdk.subscriptions.list({ customer: stripeCustomerId ?? "", status: "all" })).data;
}

describe("subscriptions with automatic tax on", () => {
  it("refuses a US customer without a postal code with a 409 naming address, before anything at Stripe", async () => {
    const id = await customerWithCard({
      line1: "1 Main St",
      city: "Springfield",
      state: "IL",
      country: "US",
    });
    const refusal = await subscribe(id, 10_000).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({
      code: "conflict",
      options: { errors: [{ field: "address", message: expect.stringContaining("postal code") }] },
    });
    expect(await stripeSubscriptionsOf(id)).toEqual([]);
    expect(await world.db().subscription.count({ where: { customerId: id } })).toBe(0);
    expect((await world.kept(id)).mrr).toEqual({});
  });

  it("subscribes a German customer with Stripe Tax, and its MRR stays 10,000, exclusive of tax", async () => {
    const id = await customerWithCard({
      line1: "Hauptstr. 1",
      city: "Berlin",
      postal_code: "10115",
      country: "DE",
    });
    const subscription = await subscribe(id, 10_000);
    const [atStripe] = await stripeSubscriptionsOf(id);
    expect(atStripe?.id).toBe(subscription.stripe_subscription_id);
    expect(atStripe?.automatic_tax.enabled).toBe(true);
    expect((await world.kept(id)).mrr).toEqual({ EUR: 10_000 });
    const metrics = await world.domain.getCustomerMetrics({ customerId: id, now: new Date() });
    expect(metrics.mrr_by_currency).toEqual({ EUR: 10_000 });
  });

  it("subscribes a US customer with a ZIP code", async () => {
    const id = await customerWithCard({
      line1: "1 Main St",
      city: "Springfield",
      state: "IL",
      postal_code: "62701",
      country: "US",
    });
    await subscribe(id, 5_000);
    expect((await stripeSubscriptionsOf(id)).map((sub) => sub.automatic_tax.enabled)).toEqual([true]);
  });
});

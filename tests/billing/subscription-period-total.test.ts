import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSubscriptionSchema } from "../../lib/validations/subscription";
import { type KeptFinancialsWorld, keptFinancialsWorld, TEST_ACTOR } from "../support/kept-financials";

// A period bills amount × quantity on one invoice, and Stripe refuses an invoice above
// 99,999,999 minor units. Found by the OpenAPI fuzz: a PATCH to 41,241,708 × 3,716 was sent to
// Stripe, then the subscription's kept MRR did not fit its column, and every later change of it
// was a 500. Now the product is refused before Stripe is called, naming the field.

let world: KeptFinancialsWorld;

beforeAll(async () => {
  world = await keptFinancialsWorld("subscription_period_total");
}, 120_000);

afterAll(async () => {
  await world?.close();
});

const body = { description: "Pro", currency: "EUR", interval: "month", trial_days: 0 } as const;

describe("a period's amount × quantity is at most Stripe's ceiling", () => {
  it("a create above it is refused naming quantity; at the ceiling it is accepted", () => {
    const above = createSubscriptionSchema.safeParse({ ...body, amount: 50_000_000, quantity: 2 });
    expect(above.success).toBe(false);
    expect(above.error?.issues).toEqual([
      expect.objectContaining({ path: ["quantity"], message: expect.stringContaining("99999999") }),
    ]);
    expect(createSubscriptionSchema.safeParse({ ...body, amount: 33_333_333, quantity: 3 }).success).toBe(
      true,
    );
  });

  it("a change above it is refused naming the field sent, and nothing changes here or at Stripe", async () => {
    const customerId = await world.newCustomer();
    await world.attachCard(customerId, { testId: "pm_card_visa", expMonth: 12, expYear: 2040 });
    const made = await world.domain.createSubscription({
      customerId,
      input: { ...body, amount: 40_000_000, quantity: 2 },
      actor: TEST_ACTOR,
      idempotencyKey: undefined,
    });
    const before = await world.db().subscription.findUniqueOrThrow({ where: { id: made.id } });
    const change = (input: { amount?: number; quantity?: number }) =>
      world.domain
        .updateSubscription({ id: made.id, input, actor: TEST_ACTOR })
        .catch((error: unknown) => error);

    expect(await change({ quantity: 3 })).toMatchObject({
      code: "validation_failed",
      options: { errors: [{ field: "quantity", message: expect.stringContaining("not 120000000") }] },
    });
    expect(await change({ amount: 60_000_000 })).toMatchObject({
      code: "validation_failed",
      options: { errors: [{ field: "amount" }] },
    });
    expect(await world.db().subscription.findUniqueOrThrow({ where: { id: made.id } })).toEqual(before);
    const atStripe = await world.sdk.subscriptions.retrieve(before.stripeSubscriptionId);
    expect(atStripe.items.data[0]).toMatchObject({ quantity: 2, price: { unit_amount: 40_000_000 } });

    // Within it, the same subscription still changes.
    expect(
      await world.domain.updateSubscription({ id: made.id, input: { quantity: 1 }, actor: TEST_ACTOR }),
    ).toMatchObject({
      quantity: 1,
    });
  });
});

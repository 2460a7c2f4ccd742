import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type KeptFinancialsWorld, keptFinancialsWorld, TEST_ACTOR } from "../support/kept-financials";

// customer.risk_changed is a domain event of refreshCustomerFinancials' transaction, written
// when the kept risk LEVEL changes: once per change, never on creation, never for a
// recomputation at the same level or a repeated Stripe delivery. The signals' periods
// (customer_risk_signals) are kept by the same code.

const FAR = { expMonth: 12, expYear: 2040 };
let world: KeptFinancialsWorld;

beforeAll(async () => {
  world = await keptFinancialsWorld("risk_changed");
}, 120_000);

afterAll(async () => {
  await world?.close();
});

const riskEvents = (customerId: string) => world.riskChangedEvents(customerId);

/** What Stripe's redelivery and the review job do: the same syncs and recomputations again. */
async function recomputeRepeatedly(customerId: string) {
  const row = await world.db().customer.findUniqueOrThrow({ where: { id: customerId } });
  for (let round = 0; round < 3; round += 1) {
    if (row.stripeCustomerId) await world.domain.syncCustomerPaymentMethods(row.stripeCustomerId);
    await world.db().$transaction((tx) => world.domain.refreshCustomerFinancials(tx, customerId));
    for (const subscription of await world.db().subscription.findMany({ where: { customerId } })) {
      await world.domain.syncSubscription({
        stripeSubscriptionId: subscription.stripeSubscriptionId,
        actor: TEST_ACTOR,
        customerId,
      });
    }
  }
}

describe("customer.risk_changed", () => {
  it("fires once per level change, with the signals and their evidence, not on creation or recomputation", async () => {
    const id = await world.newCustomer();
    // Created without a card: medium (no_payment_method), announced as customer.created only.
    await recomputeRepeatedly(id);
    expect(await riskEvents(id)).toEqual([]);

    await world.attachCard(id, { testId: "pm_card_visa", ...FAR });
    await recomputeRepeatedly(id);
    expect(await riskEvents(id)).toEqual([
      expect.objectContaining({
        customer_id: id,
        previous_level: "medium",
        level: "low",
        score: 0,
        signals: [],
      }),
    ]);

    await world.detachDefaultCard(id);
    await recomputeRepeatedly(id);
    const events = await riskEvents(id);
    expect(events.map((event) => [event.previous_level, event.level])).toEqual([
      ["medium", "low"],
      ["low", "medium"],
    ]);
    expect(events[1]?.signals).toEqual([
      { code: "no_payment_method", message: expect.any(String), weight: 40, evidence: [] },
    ]);
  });

  it("keeps when each signal appeared and cleared, one open period per signal", async () => {
    const id = await world.newCustomer();
    await world.attachCard(id, { testId: "pm_card_visa", ...FAR });
    await world.detachDefaultCard(id);
    await recomputeRepeatedly(id);
    const metrics = await world.domain.getCustomerMetrics({ customerId: id });
    expect(metrics.risk_history.map((row) => [row.code, row.cleared_at === null])).toEqual([
      ["no_payment_method", true],
      ["no_payment_method", false],
    ]);
    const open = metrics.risk_history[0];
    expect(metrics.risk.signals).toEqual([
      expect.objectContaining({ code: "no_payment_method", since: open?.appeared_at }),
    ]);
  });

  it("points a failed charge's signal at the charge", async () => {
    const id = await world.newCustomer();
    await world.attachCard(id, { testId: "pm_card_chargeCustomerFail", ...FAR });
    await world.domain.createCharge({
      customerId: id,
      input: { amount: 1500, currency: "USD" },
      actor: TEST_ACTOR,
      idempotencyKey: `risk-${id}`,
    });
    const charge = await world.db().charge.findFirstOrThrow({ where: { customerId: id, status: "failed" } });
    const metrics = await world.domain.getCustomerMetrics({ customerId: id });
    expect(metrics.risk.signals).toEqual([
      expect.objectContaining({ code: "charge_failed", evidence: [{ type: "charge", id: charge.id }] }),
    ]);
  });
});

import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customerWithCard, type Harness, startHarness } from "./test-support";

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

async function paidIntent(amount = 2000) {
  const { customerId, paymentMethodId } = await customerWithCard(harness);
  return harness.stripe.paymentIntents.create({
    amount,
    currency: "usd",
    customer: customerId,
    payment_method: paymentMethodId,
    confirm: true,
    off_session: true,
  });
}

describe("POST /v1/refunds", () => {
  it("refunds the whole charge by payment intent", async () => {
    const intent = await paidIntent();
    const refund = await harness.stripe.refunds.create({
      payment_intent: intent.id,
      reason: "requested_by_customer",
    });
    expect(refund).toMatchObject({
      amount: 2000,
      status: "succeeded",
      charge: intent.latest_charge,
      reason: "requested_by_customer",
    });
    const charge = await harness.stripe.charges.retrieve(intent.latest_charge as string);
    expect(charge).toMatchObject({ amount_refunded: 2000, refunded: true });
    const refunded = await harness.receiver.waitForType("charge.refunded", charge.id);
    expect(refunded.data.previous_attributes).toEqual({ amount_refunded: 0, refunded: false });
    await harness.receiver.waitForType("refund.created", refund.id);
  });

  it("refunds part of a charge, then the rest, and refuses more", async () => {
    const intent = await paidIntent();
    const chargeId = intent.latest_charge as string;
    await harness.stripe.refunds.create({ charge: chargeId, amount: 500 });
    const partly = await harness.stripe.charges.retrieve(chargeId);
    expect(partly).toMatchObject({ amount_refunded: 500, refunded: false });

    const tooMuch = harness.stripe.refunds.create({ charge: chargeId, amount: 1600 });
    await expect(tooMuch).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    await expect(tooMuch).rejects.toMatchObject({ param: "amount" });

    const rest = await harness.stripe.refunds.create({ charge: chargeId });
    expect(rest.amount).toBe(1500);
    await expect(harness.stripe.refunds.create({ charge: chargeId })).rejects.toMatchObject({
      code: "charge_already_refunded",
      statusCode: 400,
    });
    const refunds = await harness.stripe.refunds.list({ charge: chargeId });
    expect(refunds.data.map((refund) => refund.amount)).toEqual([1500, 500]);
  });
});

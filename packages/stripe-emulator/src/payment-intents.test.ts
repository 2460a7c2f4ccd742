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

function chargeOffSession(
  customer: string,
  paymentMethod: string,
  extra: Partial<Stripe.PaymentIntentCreateParams> = {},
) {
  return harness.stripe.paymentIntents.create({
    amount: 1500,
    currency: "usd",
    customer,
    payment_method: paymentMethod,
    confirm: true,
    off_session: true,
    description: "Setup fee",
    ...extra,
  });
}

describe("POST /v1/payment_intents", () => {
  it("charges a saved 4242 card off-session", async () => {
    const { customerId, paymentMethodId } = await customerWithCard(harness);
    const intent = await chargeOffSession(customerId, paymentMethodId, { expand: ["latest_charge"] });
    expect(intent.status).toBe("succeeded");
    expect(intent.amount_received).toBe(1500);
    const charge = intent.latest_charge as Stripe.Charge;
    expect(charge).toMatchObject({ status: "succeeded", paid: true, amount: 1500, customer: customerId });
    expect(charge.payment_method_details?.card).toMatchObject({ brand: "visa", last4: "4242" });
    await harness.receiver.waitForType("payment_intent.succeeded", intent.id);
    const types = harness.receiver.events
      .filter((event) => [intent.id, charge.id].includes((event.data.object as { id: string }).id))
      .map((event) => event.type);
    expect(types).toEqual(["payment_intent.created", "charge.succeeded", "payment_intent.succeeded"]);
  });

  it("attaches a 4000 0000 0000 0341 card but declines off-session charges on it", async () => {
    const { customerId, paymentMethodId } = await customerWithCard(harness, "4000000000000341");
    const paymentMethod = await harness.stripe.paymentMethods.retrieve(paymentMethodId);
    expect(paymentMethod.customer).toBe(customerId);

    const failure = await chargeOffSession(customerId, paymentMethodId).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Stripe.errors.StripeCardError);
    const cardError = failure as Stripe.errors.StripeCardError;
    expect(cardError).toMatchObject({
      statusCode: 402,
      code: "card_declined",
      message: "Your card was declined.",
    });
    const intent = cardError.payment_intent as Stripe.PaymentIntent;
    expect(intent.status).toBe("requires_payment_method");
    expect(intent.last_payment_error).toMatchObject({ code: "card_declined", type: "card_error" });
    const charge = await harness.stripe.charges.retrieve(intent.latest_charge as string);
    expect(charge).toMatchObject({ status: "failed", failure_code: "card_declined", paid: false });
    await harness.receiver.waitForType("payment_intent.payment_failed", intent.id);
    await harness.receiver.waitForType("charge.failed", charge.id);
  });

  it("replays the stored response for a repeated Idempotency-Key", async () => {
    const { customerId, paymentMethodId } = await customerWithCard(harness);
    const idempotencyKey = crypto.randomUUID();
    const first = await chargeOffSession(customerId, paymentMethodId);
    const keyedCharge = () =>
      harness.stripe.paymentIntents.create(
        {
          amount: 2500,
          currency: "usd",
          customer: customerId,
          payment_method: paymentMethodId,
          confirm: true,
          off_session: true,
        },
        { idempotencyKey },
      );
    const keyed = await keyedCharge();
    const replayed = await keyedCharge();
    expect(replayed.id).toBe(keyed.id);
    expect(replayed.lastResponse.headers["idempotent-replayed"]).toBe("true");
    const intents = await harness.stripe.paymentIntents.list({ customer: customerId });
    expect(intents.data.map((intent) => intent.id)).toEqual([keyed.id, first.id]);

    const reused = harness.stripe.paymentIntents.create(
      { amount: 9900, currency: "usd", customer: customerId, payment_method: paymentMethodId, confirm: true },
      { idempotencyKey },
    );
    await expect(reused).rejects.toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
  });

  it("replays a declined payment's 402 too, as Stripe does", async () => {
    const { customerId, paymentMethodId } = await customerWithCard(harness, "4000000000000341");
    const idempotencyKey = crypto.randomUUID();
    const params = {
      amount: 1500,
      currency: "usd",
      customer: customerId,
      payment_method: paymentMethodId,
      confirm: true,
    };
    const decline = async () => {
      const error = await harness.stripe.paymentIntents
        .create(params, { idempotencyKey })
        .catch((caught) => caught);
      expect(error).toBeInstanceOf(Stripe.errors.StripeCardError);
      return error as Stripe.errors.StripeCardError;
    };
    const first = await decline();
    const second = await decline();
    expect(second.payment_intent?.id).toBe(first.payment_intent?.id);
    const intents = await harness.stripe.paymentIntents.list({ customer: customerId });
    expect(intents.data).toHaveLength(1);
  });

  it("rejects amounts below Stripe's minimum", async () => {
    const { customerId, paymentMethodId } = await customerWithCard(harness);
    await expect(chargeOffSession(customerId, paymentMethodId, { amount: 49 })).rejects.toMatchObject({
      type: "StripeInvalidRequestError",
      code: "amount_too_small",
      param: "amount",
    });
  });
});

describe("HTTP conventions", () => {
  it("requires a test secret key", async () => {
    const anonymous = await fetch(`${harness.emulator.url}/v1/customers`);
    expect(anonymous.status).toBe(401);
    const live = new Stripe("sk_live_nope", {
      host: "127.0.0.1",
      port: harness.emulator.port,
      protocol: "http",
    });
    await expect(live.customers.list()).rejects.toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
  });

  it("answers unknown routes with a 404 invalid_request_error", async () => {
    const response = await fetch(`${harness.emulator.url}/v1/nothing_here`, {
      headers: { Authorization: "Bearer sk_test_emulator" },
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { type: "invalid_request_error" } });
  });

  it("paginates lists with limit and starting_after, newest first", async () => {
    const created = [];
    for (let index = 0; index < 3; index++)
      created.push(await harness.stripe.customers.create({ name: `page-${index}` }));
    const firstPage = await harness.stripe.customers.list({ limit: 2 });
    expect(firstPage).toMatchObject({ object: "list", has_more: true, url: "/v1/customers" });
    expect(firstPage.data.map((customer) => customer.id)).toEqual([created[2]?.id, created[1]?.id]);
    const nextPage = await harness.stripe.customers.list({ limit: 1, starting_after: created[1]?.id });
    expect(nextPage.data.map((customer) => customer.id)).toEqual([created[0]?.id]);
  });

  it("expands the customer's default payment method and clears it on detach", async () => {
    const { customerId, paymentMethodId } = await customerWithCard(harness);
    const customer = await harness.stripe.customers.retrieve(customerId, {
      expand: ["invoice_settings.default_payment_method"],
    });
    const expanded = (customer as Stripe.Customer).invoice_settings
      .default_payment_method as Stripe.PaymentMethod;
    expect(expanded.id).toBe(paymentMethodId);
    await harness.stripe.paymentMethods.detach(paymentMethodId);
    const after = (await harness.stripe.customers.retrieve(customerId)) as Stripe.Customer;
    expect(after.invoice_settings.default_payment_method).toBeNull();
    await harness.receiver.waitForType("payment_method.detached", paymentMethodId);
  });
});

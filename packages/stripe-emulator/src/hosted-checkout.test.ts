import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DAY, type Harness, saveCardThroughCheckout, startHarness, submitCardForm } from "./test-support";

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

async function openSession(overrides: Partial<Stripe.Checkout.SessionCreateParams> = {}) {
  const customer = await harness.stripe.customers.create({ email: "ada@example.com", name: "Ada" });
  const session = await harness.stripe.checkout.sessions.create({
    mode: "setup",
    currency: "usd",
    customer: customer.id,
    success_url: "https://app.example/return?session={CHECKOUT_SESSION_ID}",
    cancel_url: "https://app.example/cancel",
    metadata: { payment_link: "pl_1" },
    client_reference_id: "ref-1",
    ...overrides,
  });
  return { customer, session };
}

describe("GET /c/pay/:id", () => {
  it("serves an accessible card form for an open setup session", async () => {
    const { session } = await openSession();
    expect(session.url).toBe(`${harness.emulator.url}/c/pay/${session.id}`);
    expect(session.status).toBe("open");
    const response = await fetch(session.url ?? "");
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('<label for="cardNumber">Card number</label>');
    expect(html).toMatch(/<input id="cardNumber" name="cardNumber"/);
    expect(html).toMatch(/<input id="cardExpiry" name="cardExpiry" value="\d{2} \/ \d{2}"/);
    expect(html).toContain('<label for="cardCvc">CVC</label>');
    expect(html).toContain('<button type="submit">Save card</button>');
    expect(html).toContain('href="https://app.example/cancel"');
  });
});

describe("POST /c/pay/:id", () => {
  it("saves card 4242, completes the session, redirects and sends signed webhooks in order", async () => {
    const { customer, session } = await openSession();
    const response = await submitCardForm(session.url ?? "", "4242 4242 4242 4242");
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`https://app.example/return?session=${session.id}`);

    const completed = await harness.stripe.checkout.sessions.retrieve(session.id, {
      expand: ["setup_intent"],
    });
    expect(completed.status).toBe("complete");
    expect(completed.url).toBeNull();
    const setupIntent = completed.setup_intent as Stripe.SetupIntent;
    expect(setupIntent.status).toBe("succeeded");
    const paymentMethod = await harness.stripe.paymentMethods.retrieve(setupIntent.payment_method as string);
    expect(paymentMethod.customer).toBe(customer.id);
    expect(paymentMethod.card).toMatchObject({
      brand: "visa",
      last4: "4242",
      exp_month: 12,
      exp_year: 2034,
      funding: "credit",
    });

    await harness.receiver.waitForType("checkout.session.completed", session.id);
    const forThisCheckout = harness.receiver.events.filter((event) => {
      const object = event.data.object as { id: string };
      return [session.id, setupIntent.id, paymentMethod.id].includes(object.id);
    });
    expect(forThisCheckout.map((event) => event.type)).toEqual([
      "setup_intent.created",
      "payment_method.attached",
      "setup_intent.succeeded",
      "checkout.session.completed",
    ]);
    const completedEvent = forThisCheckout.at(-1) as Stripe.CheckoutSessionCompletedEvent;
    expect(completedEvent.data.object).toMatchObject({
      metadata: { payment_link: "pl_1" },
      client_reference_id: "ref-1",
    });
    expect(harness.receiver.invalidSignatures).toBe(0);
  });

  it("declines 4000 0000 0000 0002 with Stripe's message and keeps the session open", async () => {
    const { session } = await openSession();
    const response = await submitCardForm(session.url ?? "", "4000 0000 0000 0002");
    expect(response.status).toBe(402);
    expect(await response.text()).toContain("Your card was declined.");
    const reloaded = await harness.stripe.checkout.sessions.retrieve(session.id, {
      expand: ["setup_intent"],
    });
    expect(reloaded.status).toBe("open");
    const setupIntent = reloaded.setup_intent as Stripe.SetupIntent;
    expect(setupIntent.status).toBe("requires_payment_method");
    expect(setupIntent.last_setup_error).toMatchObject({
      code: "card_declined",
      decline_code: "generic_decline",
    });
  });

  it("rejects a number that fails the Luhn check", async () => {
    const { session } = await openSession();
    const response = await submitCardForm(session.url ?? "", "4242 4242 4242 4241");
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Your card number is invalid.");
  });

  it("accepts other valid numbers with the brand of their prefix", async () => {
    const customer = await harness.stripe.customers.create({});
    const { paymentMethodId } = await saveCardThroughCheckout(harness, customer.id, "5555 5555 5555 4444");
    const paymentMethod = await harness.stripe.paymentMethods.retrieve(paymentMethodId);
    expect(paymentMethod.card).toMatchObject({ brand: "mastercard", last4: "4444" });
  });

  it("shows a 410 page once the session is complete", async () => {
    const { session } = await openSession();
    await submitCardForm(session.url ?? "", "4242424242424242");
    const again = await fetch(session.url ?? "");
    expect(again.status).toBe(410);
    expect(await again.text()).toContain("This checkout session is no longer available");
  });
});

describe("checkout session lifecycle", () => {
  it("expires an open session on request, once, with checkout.session.expired", async () => {
    const { session } = await openSession();
    const expired = await harness.stripe.checkout.sessions.expire(session.id);
    expect(expired.status).toBe("expired");
    await expect(harness.stripe.checkout.sessions.expire(session.id)).rejects.toMatchObject({
      type: "StripeInvalidRequestError",
      statusCode: 400,
    });
    await harness.receiver.waitForType("checkout.session.expired", session.id);
    expect((await fetch(session.url ?? "")).status).toBe(410);
  });

  it("expires sessions when the clock passes expires_at", async () => {
    const { session } = await openSession({ expires_at: harness.emulator.now() + 3600 });
    await harness.emulator.advanceClock(3601);
    const reloaded = await harness.stripe.checkout.sessions.retrieve(session.id);
    expect(reloaded.status).toBe("expired");
  });

  it("accepts expires_at only between 30 minutes and 24 hours ahead of the caller's clock", async () => {
    // Callers compute expires_at from their own wall clock; an advanced emulator clock does not move theirs.
    const now = Math.floor(Date.now() / 1000);
    await harness.emulator.advanceClock(2 * DAY);
    await expect(openSession({ expires_at: now + DAY - 60 })).resolves.toBeDefined();
    for (const expiresAt of [now + 60, now + DAY + 60]) {
      await expect(openSession({ expires_at: expiresAt })).rejects.toMatchObject({
        type: "StripeInvalidRequestError",
        param: "expires_at",
      });
    }
  });

  it("lists sessions by customer and retrieves setup intents", async () => {
    const { customer, session } = await openSession();
    const sessions = await harness.stripe.checkout.sessions.list({ customer: customer.id });
    expect(sessions.data.map((item) => item.id)).toEqual([session.id]);
    const setupIntent = await harness.stripe.setupIntents.retrieve(session.setup_intent as string);
    expect(setupIntent).toMatchObject({
      status: "requires_payment_method",
      customer: customer.id,
      usage: "off_session",
    });
  });
});

import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customerWithCard, DAY, type Harness, saveCardThroughCheckout, startHarness } from "./test-support";

let harness: Harness;
let productId: string;

beforeAll(async () => {
  harness = await startHarness();
  productId = (await harness.stripe.products.create({ name: "Pro plan" })).id;
});

afterAll(async () => {
  await harness?.close();
});

function subscribe(customer: string, extra: Partial<Stripe.SubscriptionCreateParams> = {}) {
  return harness.stripe.subscriptions.create({
    customer,
    items: [
      {
        price_data: {
          currency: "usd",
          product: productId,
          unit_amount: 4900,
          recurring: { interval: "month" },
        },
        quantity: 2,
      },
    ],
    expand: ["latest_invoice.payment_intent"],
    ...extra,
  });
}

async function latestInvoice(subscriptionId: string): Promise<Stripe.Invoice> {
  const subscription = await harness.stripe.subscriptions.retrieve(subscriptionId, {
    expand: ["latest_invoice"],
  });
  return subscription.latest_invoice as Stripe.Invoice;
}

describe("POST /v1/subscriptions", () => {
  it("charges the first period at once on the customer's default card", async () => {
    const { customerId } = await customerWithCard(harness);
    const subscription = await subscribe(customerId, { metadata: { plan: "pro" } });
    expect(subscription.status).toBe("active");
    const item = subscription.items.data[0];
    expect(item?.price).toMatchObject({
      unit_amount: 4900,
      recurring: { interval: "month", interval_count: 1 },
    });
    expect(item?.current_period_end).toBeGreaterThan(subscription.start_date + 27 * DAY);
    const invoice = subscription.latest_invoice as Stripe.Invoice & { payment_intent: Stripe.PaymentIntent };
    expect(invoice).toMatchObject({
      status: "paid",
      amount_due: 9800,
      amount_paid: 9800,
      billing_reason: "subscription_create",
    });
    expect(invoice.payment_intent.status).toBe("succeeded");
    expect(invoice.lines.data[0]?.description).toBe("2 × Pro plan (at $49.00 / month)");
    await harness.receiver.waitForType("invoice.payment_succeeded", invoice.id);
  });

  it("leaves the subscription incomplete when the first payment on a 0341 card fails", async () => {
    const { customerId } = await customerWithCard(harness, "4000000000000341");
    const subscription = await subscribe(customerId);
    expect(subscription.status).toBe("incomplete");
    const invoice = subscription.latest_invoice as Stripe.Invoice;
    expect(invoice).toMatchObject({ status: "open", amount_paid: 0, attempt_count: 1 });
    await harness.receiver.waitForType("invoice.payment_failed", invoice.id);
  });

  it("refuses to start a paid subscription without a payment method", async () => {
    const customer = await harness.stripe.customers.create({});
    await expect(subscribe(customer.id)).rejects.toMatchObject({
      type: "StripeInvalidRequestError",
      statusCode: 400,
    });
  });
});

describe("subscriptions over time", () => {
  it("bills a trial at $0, then charges when the clock passes the trial end", async () => {
    const { customerId } = await customerWithCard(harness);
    const subscription = await subscribe(customerId, { trial_period_days: 14 });
    expect(subscription.status).toBe("trialing");
    expect(subscription.trial_end).toBe((subscription.trial_start ?? 0) + 14 * DAY);
    expect(subscription.latest_invoice).toMatchObject({ status: "paid", amount_due: 0 });

    await harness.emulator.advanceClock(14 * DAY + 60);
    const renewed = await harness.stripe.subscriptions.retrieve(subscription.id);
    expect(renewed.status).toBe("active");
    const invoice = await latestInvoice(subscription.id);
    expect(invoice).toMatchObject({
      status: "paid",
      amount_paid: 9800,
      billing_reason: "subscription_cycle",
    });
    const paid = await harness.receiver.waitForType("invoice.paid", invoice.id);
    expect(paid.created).toBe(subscription.trial_end);
  });

  it("turns past_due with invoice.payment_failed when a 0341 card's trial ends", async () => {
    const { customerId } = await customerWithCard(harness, "4000000000000341");
    const subscription = await subscribe(customerId, { trial_period_days: 7 });
    await harness.emulator.advanceClock(7 * DAY + 60);
    expect((await harness.stripe.subscriptions.retrieve(subscription.id)).status).toBe("past_due");
    const invoice = await latestInvoice(subscription.id);
    expect(invoice).toMatchObject({ status: "open", amount_remaining: 9800 });
    await harness.receiver.waitForType("invoice.payment_failed", invoice.id);
  });

  it("renews each period, goes past_due on a failing card, and recovers when the invoice is paid", async () => {
    const { customerId } = await customerWithCard(harness);
    const subscription = await subscribe(customerId);
    const failing = await saveCardThroughCheckout(harness, customerId, "4000000000000341");
    await harness.stripe.subscriptions.update(subscription.id, {
      default_payment_method: failing.paymentMethodId,
    });

    await harness.emulator.advanceClock(32 * DAY);
    const pastDue = await harness.stripe.subscriptions.retrieve(subscription.id);
    expect(pastDue.status).toBe("past_due");
    expect(pastDue.items.data[0]?.current_period_start).toBe(subscription.items.data[0]?.current_period_end);
    const failedInvoice = await latestInvoice(subscription.id);
    await harness.receiver.waitForType("invoice.payment_failed", failedInvoice.id);

    const working = await saveCardThroughCheckout(harness, customerId, "4242424242424242");
    const paid = await harness.stripe.invoices.pay(failedInvoice.id, {
      payment_method: working.paymentMethodId,
    });
    expect(paid.status).toBe("paid");
    expect((await harness.stripe.subscriptions.retrieve(subscription.id)).status).toBe("active");
  });

  it("cancels at the period end when asked to", async () => {
    const { customerId } = await customerWithCard(harness);
    const subscription = await subscribe(customerId);
    const scheduled = await harness.stripe.subscriptions.update(subscription.id, {
      cancel_at_period_end: true,
    });
    expect(scheduled).toMatchObject({ status: "active", cancel_at_period_end: true });
    const updated = await harness.receiver.waitFor(
      (event) =>
        event.type === "customer.subscription.updated" &&
        event.data.previous_attributes?.cancel_at_period_end === false,
    );
    expect((updated.data.object as Stripe.Subscription).id).toBe(subscription.id);

    await harness.emulator.advanceClock(32 * DAY);
    const ended = await harness.stripe.subscriptions.retrieve(subscription.id);
    expect(ended.status).toBe("canceled");
    expect(ended.ended_at).toBe(subscription.items.data[0]?.current_period_end);
    await harness.receiver.waitForType("customer.subscription.deleted", subscription.id);
    const invoices = await harness.stripe.invoices.list({ subscription: subscription.id });
    expect(invoices.data).toHaveLength(1);
  });

  it("prorates a quantity change onto the next invoice", async () => {
    const { customerId } = await customerWithCard(harness);
    const subscription = await subscribe(customerId, {
      items: [
        {
          price_data: {
            currency: "usd",
            product: productId,
            unit_amount: 3000,
            recurring: { interval: "month" },
          },
        },
      ],
    });
    const period = subscription.items.data[0];
    const periodDays = Math.round(
      ((period?.current_period_end ?? 0) - (period?.current_period_start ?? 0)) / DAY,
    );
    await harness.emulator.advanceClock(10 * DAY);
    await harness.stripe.subscriptions.update(subscription.id, {
      items: [{ id: period?.id, quantity: 3 }],
      proration_behavior: "create_prorations",
    });
    const pending = await harness.stripe.invoiceItems.list({ customer: customerId, pending: true });
    const remainingDays = periodDays - 10;
    const expectedProration =
      Math.round((9000 * remainingDays) / periodDays) - Math.round((3000 * remainingDays) / periodDays);
    expect(pending.data.reduce((sum, item) => sum + item.amount, 0)).toBe(expectedProration);

    await harness.emulator.advanceClock(periodDays * DAY);
    const invoice = await latestInvoice(subscription.id);
    expect(invoice.amount_due).toBe(9000 + expectedProration);
    expect(invoice.lines.data).toHaveLength(3);
  });

  it("cancels immediately with DELETE and lists by status", async () => {
    const { customerId } = await customerWithCard(harness);
    const subscription = await subscribe(customerId);
    const canceled = await harness.stripe.subscriptions.cancel(subscription.id);
    expect(canceled.status).toBe("canceled");
    expect(Math.abs((canceled.ended_at ?? 0) - harness.emulator.now())).toBeLessThanOrEqual(1);
    expect((await harness.stripe.subscriptions.list({ customer: customerId })).data).toHaveLength(0);
    const all = await harness.stripe.subscriptions.list({ customer: customerId, status: "all" });
    expect(all.data.map((item) => item.id)).toEqual([subscription.id]);
  });
});

import { readFileSync } from "node:fs";
import path from "node:path";
import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customerWithCard, type Harness, startHarness } from "./test-support";

/*
 * Every object the emulator returns must carry exactly the top-level keys of Stripe's published
 * fixture for that resource. The fixture file is read here only; the emulator builds its objects
 * in code. The file ships with the package (fixtures/README.md says where it comes from).
 */

const fixturesPath = path.resolve(import.meta.dirname, "../fixtures/fixtures3.json");

/** Fields kept on purpose beyond the fixtures (see types.ts for why). */
const DOCUMENTED_EXTRAS: Record<string, string[]> = {
  subscription: ["current_period_start", "current_period_end"],
  invoice: ["payment_intent"],
};

let harness: Harness;
let fixtures: Record<string, Record<string, unknown>>;

async function raw(pathname: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${harness.emulator.url}${pathname}`, {
    headers: { Authorization: "Bearer sk_test_emulator" },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

function expectSameKeys(resource: string, object: Record<string, unknown>) {
  const fixture = fixtures[resource];
  if (!fixture) throw new Error(`fixtures3.json has no resource "${resource}"`);
  const expected = [...Object.keys(fixture), ...(DOCUMENTED_EXTRAS[resource] ?? [])].sort();
  expect({ resource, keys: Object.keys(object).sort() }).toEqual({ resource, keys: expected });
}

beforeAll(async () => {
  fixtures = JSON.parse(readFileSync(fixturesPath, "utf8")).resources;
  harness = await startHarness({ webhookUrl: undefined });
});

afterAll(async () => {
  await harness?.close();
});

describe("object shapes match Stripe's fixtures", () => {
  it("covers the setup flow: customer, checkout session, setup intent, payment method", async () => {
    const { customerId, paymentMethodId } = await customerWithCard(harness);
    expectSameKeys("customer", await raw(`/v1/customers/${customerId}`));
    expectSameKeys("payment_method", await raw(`/v1/payment_methods/${paymentMethodId}`));
    const sessions = (await raw(`/v1/checkout/sessions?customer=${customerId}`)) as {
      data: Array<Record<string, unknown>>;
    };
    const session = sessions.data[0] ?? {};
    expectSameKeys("checkout.session", session);
    expectSameKeys("setup_intent", await raw(`/v1/setup_intents/${session.setup_intent}`));
  });

  it("covers billing: product, price, subscription and its items, invoice, lines, invoice items", async () => {
    const { customerId } = await customerWithCard(harness);
    const product = await harness.stripe.products.create({ name: "Pro plan" });
    const price = await harness.stripe.prices.create({
      product: product.id,
      currency: "usd",
      unit_amount: 4900,
      recurring: { interval: "month" },
    });
    const subscription = await harness.stripe.subscriptions.create({
      customer: customerId,
      items: [{ price: price.id }],
    });
    await harness.stripe.subscriptions.update(subscription.id, {
      items: [{ id: subscription.items.data[0]?.id, quantity: 3 }],
    });
    expectSameKeys("product", await raw(`/v1/products/${product.id}`));
    expectSameKeys("price", await raw(`/v1/prices/${price.id}`));
    const rawSubscription = await raw(`/v1/subscriptions/${subscription.id}`);
    expectSameKeys("subscription", rawSubscription);
    const item = (rawSubscription.items as { data: Array<Record<string, unknown>> }).data[0] ?? {};
    expectSameKeys("subscription_item", item);
    expectSameKeys("plan", item.plan as Record<string, unknown>);
    const invoice = await raw(`/v1/invoices/${subscription.latest_invoice}`);
    expectSameKeys("invoice", invoice);
    expectSameKeys("line_item", (invoice.lines as { data: Array<Record<string, unknown>> }).data[0] ?? {});
    const invoiceItems = (await raw(`/v1/invoiceitems?customer=${customerId}`)) as {
      data: Array<Record<string, unknown>>;
    };
    expect(invoiceItems.data.length).toBeGreaterThan(0);
    for (const invoiceItem of invoiceItems.data) expectSameKeys("invoiceitem", invoiceItem);
  });

  it("covers payments: payment intent, charge, refund, event, deleted customer", async () => {
    const { customerId, paymentMethodId } = await customerWithCard(harness);
    const intent = await harness.stripe.paymentIntents.create({
      amount: 1500,
      currency: "usd",
      customer: customerId,
      payment_method: paymentMethodId,
      confirm: true,
      off_session: true,
    });
    const refund = await harness.stripe.refunds.create({ payment_intent: intent.id, amount: 500 });
    expectSameKeys("payment_intent", await raw(`/v1/payment_intents/${intent.id}`));
    expectSameKeys("charge", await raw(`/v1/charges/${intent.latest_charge}`));
    expectSameKeys("refund", await raw(`/v1/refunds/${refund.id}`));
    const events = (await raw("/v1/events?limit=1")) as { data: Array<Record<string, unknown>> };
    expectSameKeys("event", events.data[0] ?? {});
    await harness.stripe.customers.del(customerId);
    const deleted = await raw(`/v1/customers/${customerId}`);
    expectSameKeys("deleted_customer", deleted);
    expect((deleted as Partial<Stripe.DeletedCustomer>).deleted).toBe(true);
  });
});

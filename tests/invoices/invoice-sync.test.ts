import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type KeptFinancialsWorld, keptFinancialsWorld, TEST_ACTOR } from "../support/kept-financials";
import { deliver as deliverTo, invoiceEvents as invoiceEventsAt } from "../support/stripe-invoices";

// The invoice mirror against a real emulator and database, with automatic tax on. Stripe's
// events reach the same handlers the webhook worker runs (lib/server/stripe-sync), here called
// directly: in order, reversed, repeated and concurrently, every invoice event is applied once
// (one row, each outgoing event once).

let world: KeptFinancialsWorld;
let handlers: typeof import("../../lib/server/stripe-sync/stripe-event-handlers").stripeEventHandlers;

beforeAll(async () => {
  world = await keptFinancialsWorld("invoice_sync", { STRIPE_AUTOMATIC_TAX: "true" });
  ({ stripeEventHandlers: handlers } = await import("../../lib/server/stripe-sync/stripe-event-handlers"));
}, 120_000);

afterAll(async () => {
  await world?.close();
});

async function billableCustomer(testId: "pm_card_visa" | "pm_card_chargeCustomerFail" = "pm_card_visa") {
  const id = await world.newCustomer();
  await world.attachCard(id, { testId, expMonth: 12, expYear: 2040 });
  return id;
}

function charge(customerId: string, amount: number, idempotencyKey = crypto.randomUUID()) {
  return world.domain.createCharge({
    customerId,
    input: { amount, currency: "EUR", description: "Setup fee" },
    actor: TEST_ACTOR,
    idempotencyKey,
  });
}

const invoiceEvents = (stripeInvoiceId: string) => invoiceEventsAt(world.sdk, stripeInvoiceId);

/** The emulator's fault injection: the next `count` requests to `path` answer 500, as in a Stripe outage. */
async function injectFailure(path: string, method: string, count: number) {
  const response = await fetch(`${world.emulator.url}/_emulator/inject_failures`, {
    method: "POST",
    body: new URLSearchParams({ path, method, count: String(count) }),
  });
  expect(response.status).toBe(200);
}

const deliver = (events: Stripe.Event[]) => deliverTo(handlers, events);

async function outgoing(customerId: string) {
  const rows = await world.db().domainEvent.findMany({
    where: { customerId, type: { startsWith: "invoice." } },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((row) => row.type);
}

describe("a charge is billed on a one-off invoice", () => {
  it("a German customer: 10,000 + 1,900 tax = 11,900 paid; the charge keeps its amount and names the invoice", async () => {
    const customerId = await billableCustomer();
    const result = await charge(customerId, 10_000);
    expect(result).toMatchObject({ status: "succeeded", amount: 10_000, currency: "EUR" });
    expect(result.invoice_id).toMatch(/^in_/);
    const invoice = await world.db().invoice.findUniqueOrThrow({ where: { id: result.invoice_id ?? "" } });
    expect(invoice).toMatchObject({
      customerId,
      status: "paid",
      currency: "EUR",
      subtotal: 10_000,
      tax: 1_900,
      total: 11_900,
      amountPaid: 11_900,
      amountRemaining: 0,
    });
    expect(invoice.customerAddress).toMatchObject({ country: "DE", postal_code: "10115" });
    expect(invoice.lines).toEqual([{ description: "Setup fee", amount: 10_000, quantity: 1 }]);
    const intent = await world.sdk.paymentIntents.retrieve(
      (await world.db().charge.findUniqueOrThrow({ where: { id: result.id } })).stripePaymentIntentId ?? "",
    );
    expect(intent).toMatchObject({ amount: 11_900, status: "succeeded" });
    expect(await outgoing(customerId)).toEqual(["invoice.finalized", "invoice.paid"]);
  });

  it("a retry after Stripe failed mid-way reaches the same invoice: one invoice with one line, paid once", async () => {
    const customerId = await billableCustomer();
    const key = crypto.randomUUID();
    // The invoice is made, then adding its item fails: Stripe answers 500 to the app's call and
    // to both of the SDK's own retries (lib/stripe/client.ts).
    await injectFailure("/v1/invoiceitems", "POST", 3);
    const failure = await charge(customerId, 2_500, key).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: "payment_provider_unavailable" });
    const pending = await world.db().charge.findFirstOrThrow({ where: { customerId } });
    expect(pending).toMatchObject({ status: "pending" });
    expect(pending.invoiceId).toMatch(/^in_/);

    const retried = await charge(customerId, 2_500, key);
    expect(retried).toMatchObject({ id: pending.id, invoice_id: pending.invoiceId, status: "succeeded" });
    const again = await charge(customerId, 2_500, key);
    expect(again).toMatchObject({ id: pending.id, status: "succeeded" });
    const stripeCustomerId = await world.domain.ensureStripeCustomer(customerId);
    const invoices = await world.sdk.invoices.list({ customer: stripeCustomerId });
    expect(invoices.data).toHaveLength(1);
    expect(invoices.data[0]).toMatchObject({ status: "paid", total: 2_975 });
    expect(invoices.data[0]?.lines.data).toHaveLength(1);
    const intents = await world.sdk.paymentIntents.list({ customer: stripeCustomerId });
    expect(intents.data).toHaveLength(1);
    expect(await world.db().invoice.count({ where: { customerId } })).toBe(1);
  });

  it("a decline is a failed charge with Stripe's reason, its invoice open, invoice.payment_failed once", async () => {
    const customerId = await billableCustomer("pm_card_chargeCustomerFail");
    const result = await charge(customerId, 1_500);
    expect(result).toMatchObject({ status: "failed", failure_code: "card_declined" });
    const invoice = await world.db().invoice.findUniqueOrThrow({ where: { id: result.invoice_id ?? "" } });
    expect(invoice).toMatchObject({ status: "open", attemptCount: 1, amountRemaining: 1_785 });
    expect(await outgoing(customerId)).toEqual(["invoice.finalized", "invoice.payment_failed"]);
  });

  it("a customer whose address cannot be taxed is refused 409 naming address; nothing is written or sent to Stripe", async () => {
    const customerId = await billableCustomer();
    await world.db().customer.update({
      where: { id: customerId },
      data: { addressCountry: "US", addressPostalCode: null, addressState: "TX" },
    });
    const refusal = await charge(customerId, 1_000).catch((error: unknown) => error);
    expect(refusal).toMatchObject({ code: "conflict", options: { errors: [{ field: "address" }] } });
    expect(await world.db().charge.count({ where: { customerId } })).toBe(0);
    const row = await world.db().customer.findUniqueOrThrow({ where: { id: customerId } });
    const atStripe = await world.sdk.invoices.list({ customer: row.stripeCustomerId ?? "" });
    expect(atStripe.data).toEqual([]);
    const intents = await world.sdk.paymentIntents.list({ customer: row.stripeCustomerId ?? "" });
    expect(intents.data).toEqual([]);
  });
});

describe("invoice events, duplicated and reordered", () => {
  it("a paid invoice's events, reversed, twice, and all at once: one row, finalized and paid announced once", async () => {
    const customerId = await billableCustomer();
    const result = await charge(customerId, 4_000);
    const row = await world.db().invoice.findUniqueOrThrow({ where: { id: result.invoice_id ?? "" } });
    const events = await invoiceEvents(row.stripeInvoiceId);
    expect(events.map((event) => event.type)).toEqual(
      expect.arrayContaining(["invoice.created", "invoice.finalized", "invoice.paid"]),
    );
    await deliver([...events].reverse());
    await deliver(events);
    await Promise.all(events.map((event) => handlers[event.type]?.(event)));
    expect(await world.db().invoice.count({ where: { customerId } })).toBe(1);
    expect(await outgoing(customerId)).toEqual(["invoice.finalized", "invoice.paid"]);
    const after = await world.db().invoice.findUniqueOrThrow({ where: { id: row.id } });
    // Replays change nothing, so the row is not even rewritten: its updated_at stays.
    expect(after).toEqual(row);
  });

  it("an invoice first seen through its last event is created paid, announcing finalized then paid once", async () => {
    const customerId = await billableCustomer();
    const stripeCustomerId = await world.domain.ensureStripeCustomer(customerId);
    // Made at Stripe directly (as from Stripe's dashboard): the app hears of it only from events.
    const draft = await world.sdk.invoices.create({
      customer: stripeCustomerId,
      currency: "eur",
      automatic_tax: { enabled: true },
    });
    await world.sdk.invoiceItems.create({
      customer: stripeCustomerId,
      invoice: draft.id,
      amount: 2_000,
      currency: "eur",
    });
    await world.sdk.invoices.finalizeInvoice(draft.id ?? "");
    await world.sdk.invoices.pay(draft.id ?? "", { off_session: true });
    const events = await invoiceEvents(draft.id ?? "");
    const last = events.filter((event) => event.type === "invoice.paid");
    await deliver([...last, ...last]);
    await deliver(events);
    const rows = await world.db().invoice.findMany({ where: { customerId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "paid", subtotal: 2_000, tax: 380, total: 2_380 });
    expect(await outgoing(customerId)).toEqual(["invoice.finalized", "invoice.paid"]);
  });

  it("each failed attempt is announced once, however often its events arrive", async () => {
    const customerId = await billableCustomer("pm_card_chargeCustomerFail");
    const result = await charge(customerId, 1_000);
    const row = await world.db().invoice.findUniqueOrThrow({ where: { id: result.invoice_id ?? "" } });
    await world.sdk.invoices.pay(row.stripeInvoiceId).catch(() => undefined);
    const events = await invoiceEvents(row.stripeInvoiceId);
    expect(events.filter((event) => event.type === "invoice.payment_failed")).toHaveLength(2);
    await deliver([...events].reverse());
    await Promise.all([...events, ...events].map((event) => handlers[event.type]?.(event)));
    expect(await world.db().invoice.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: "open",
      attemptCount: 2,
    });
    expect(await outgoing(customerId)).toEqual([
      "invoice.finalized",
      "invoice.payment_failed",
      "invoice.payment_failed",
    ]);
  });
});

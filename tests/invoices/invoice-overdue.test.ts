import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { type KeptFinancialsWorld, keptFinancialsWorld } from "../support/kept-financials";
import { deliver, invoiceEvents, sendInvoiceAtStripe } from "../support/stripe-invoices";

// The invoice_overdue risk signal end to end: an invoice sent for payment (collection_method
// send_invoice, due in DAYS_UNTIL_DUE days) is mirrored from Stripe's events; once the clock
// passes its due date, with nothing else happening, the review job turns it into a kept signal
// (the customer's review_at is that instant) and customer.risk_changed fires once; paying it
// clears the signal in the invoice sync's own transaction. The clock is moved with Vitest's fake
// Date only (timers stay real, and it keeps ticking): the app and the in-process emulator both
// read it, as both would see real time pass.

const DAY = 86_400_000;
const DAYS_UNTIL_DUE = 14;
let world: KeptFinancialsWorld;
let handlers: typeof import("../../lib/server/stripe-sync/stripe-event-handlers").stripeEventHandlers;

beforeAll(async () => {
  world = await keptFinancialsWorld("invoice_overdue");
  ({ stripeEventHandlers: handlers } = await import("../../lib/server/stripe-sync/stripe-event-handlers"));
}, 120_000);

afterEach(() => {
  vi.useRealTimers();
});

afterAll(async () => {
  await world?.close();
});

/** Moves "now" (the app's and the emulator's) to `at`, from where it keeps ticking. */
function clockAt(at: Date) {
  vi.useFakeTimers({ toFake: ["Date"], shouldAdvanceTime: true });
  vi.setSystemTime(at);
}

/** A customer with a good card (no risk), sent an invoice at Stripe, mirrored from its events. */
async function customerSentAnInvoice() {
  const customerId = await world.newCustomer();
  await world.attachCard(customerId, { testId: "pm_card_visa", expMonth: 12, expYear: 2040 });
  return { customerId, invoice: await sendInvoice(customerId) };
}

async function sendInvoice(customerId: string) {
  const id = await sendInvoiceAtStripe(world.sdk, {
    customer: await world.domain.ensureStripeCustomer(customerId),
    currency: "eur",
    amount: 12_000,
    daysUntilDue: DAYS_UNTIL_DUE,
  });
  await deliver(handlers, await invoiceEvents(world.sdk, id));
  return world.db().invoice.findUniqueOrThrow({ where: { stripeInvoiceId: id } });
}

/** What the invoice's events do once `change` happened at Stripe: all of them, redelivered. */
async function atStripe(stripeInvoiceId: string, change: (id: string) => Promise<unknown>) {
  await change(stripeInvoiceId);
  await deliver(handlers, await invoiceEvents(world.sdk, stripeInvoiceId));
}

const review = () => world.domain.reviewCustomerFinancials({ now: new Date() });
const signalsOf = async (customerId: string) =>
  ((await world.kept(customerId)).financials?.riskSignals ?? []) as { code: string }[];

describe("invoice_overdue", () => {
  it("appears when the clock passes the due date, fires customer.risk_changed once, and clears when paid", async () => {
    const { customerId, invoice } = await customerSentAnInvoice();
    // Attaching the card already moved the level once (medium → low): the events after it count.
    const earlier = (await world.riskChangedEvents(customerId)).length;
    expect(invoice).toMatchObject({ status: "open", total: 12_000 });
    const dueDate = invoice.dueDate ?? new Date(Number.NaN);
    expect(dueDate.getTime() - invoice.createdAt.getTime()).toBeGreaterThan((DAYS_UNTIL_DUE - 1) * DAY);
    // Open but not yet due: no signal, and the kept row asks to be reviewed the instant it is.
    expect((await world.kept(customerId)).financials).toMatchObject({
      riskScore: 0,
      riskLevel: "low",
      riskSignals: [],
      reviewAt: new Date(dueDate.getTime() + 1),
    });

    // On the due instant itself it is not overdue yet, and the review has nothing to do.
    clockAt(dueDate);
    await review();
    expect(await signalsOf(customerId)).toEqual([]);

    // Past it, with nothing else happening: the review job raises the signal.
    clockAt(new Date(dueDate.getTime() + 1));
    await review();
    const day = dueDate.toISOString().slice(0, 10);
    expect((await world.kept(customerId)).financials).toMatchObject({
      riskScore: 30,
      riskLevel: "medium",
      riskSignals: [
        {
          code: "invoice_overdue",
          weight: 30,
          message: `1 invoice is overdue (due on ${day})`,
          evidence: [{ type: "invoice", id: invoice.id }],
        },
      ],
      // Next: the card (valid through 2040-12-31) turning "expiring".
      reviewAt: new Date("2040-12-01T00:00:00Z"),
    });
    await world.expectKeptEqualsRecomputed(customerId, new Date());
    // Reviews and Stripe's redeliveries after that change nothing and announce nothing more.
    await review();
    await deliver(handlers, await invoiceEvents(world.sdk, invoice.stripeInvoiceId));
    expect((await world.riskChangedEvents(customerId)).slice(earlier)).toEqual([
      expect.objectContaining({
        customer_id: customerId,
        previous_level: "low",
        level: "medium",
        signals: [expect.objectContaining({ code: "invoice_overdue" })],
      }),
    ]);
    const metrics = await world.domain.getCustomerMetrics({ customerId });
    expect(metrics.risk.signals).toMatchObject([{ code: "invoice_overdue", since: expect.any(String) }]);

    // Paid a day late (with the default card): the invoice sync clears the signal in its transaction.
    clockAt(new Date(dueDate.getTime() + DAY));
    await world.sdk.invoices.pay(invoice.stripeInvoiceId);
    const events = await invoiceEvents(world.sdk, invoice.stripeInvoiceId);
    await deliver(
      handlers,
      events.filter((event) => event.type === "invoice.paid"),
    );
    expect(await world.db().invoice.findUniqueOrThrow({ where: { id: invoice.id } })).toMatchObject({
      status: "paid",
      amountRemaining: 0,
    });
    expect((await world.kept(customerId)).financials).toMatchObject({
      riskScore: 0,
      riskLevel: "low",
      riskSignals: [],
    });
    await deliver(handlers, [...events].reverse());
    expect(
      (await world.riskChangedEvents(customerId))
        .slice(earlier)
        .map(({ previous_level, level }) => [previous_level, level]),
    ).toEqual([
      ["low", "medium"],
      ["medium", "low"],
    ]);
    const history = await world
      .db()
      .customerRiskSignal.findMany({ where: { customerId, code: "invoice_overdue" } });
    expect(history).toEqual([
      expect.objectContaining({
        appearedAt: new Date(dueDate.getTime() + 1),
        clearedAt: expect.any(Date),
      }),
    ]);
    expect(history[0]?.clearedAt?.getTime()).toBeGreaterThanOrEqual(dueDate.getTime() + DAY);
    await world.expectKeptEqualsRecomputed(customerId, new Date());
  });

  it("clears when the overdue invoices are voided or marked uncollectible, one after the other", async () => {
    const { customerId, invoice: first } = await customerSentAnInvoice();
    const second = await sendInvoice(customerId);
    clockAt(new Date((second.dueDate ?? first.createdAt).getTime() + DAY));
    await review();
    expect(await signalsOf(customerId)).toMatchObject([
      {
        code: "invoice_overdue",
        message: `2 invoices are overdue, the oldest due on ${first.dueDate?.toISOString().slice(0, 10)}`,
        evidence: [
          { type: "invoice", id: first.id },
          { type: "invoice", id: second.id },
        ],
      },
    ]);

    await atStripe(first.stripeInvoiceId, (id) => world.sdk.invoices.voidInvoice(id));
    expect(await world.db().invoice.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({
      status: "void",
    });
    expect(await signalsOf(customerId)).toMatchObject([
      { code: "invoice_overdue", evidence: [{ type: "invoice", id: second.id }] },
    ]);
    await world.expectKeptEqualsRecomputed(customerId, new Date());

    await atStripe(second.stripeInvoiceId, (id) => world.sdk.invoices.markUncollectible(id));
    expect((await world.kept(customerId)).financials).toMatchObject({ riskLevel: "low", riskSignals: [] });
    await world.expectKeptEqualsRecomputed(customerId, new Date());
  });
});

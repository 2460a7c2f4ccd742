import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../lib/errors/app-error";
import { newId } from "../../lib/ids";
import { type KeptFinancialsWorld, keptFinancialsWorld, TEST_ACTOR } from "../support/kept-financials";

// Refunds of a charge billed with tax, in the test process against the emulator with
// STRIPE_AUTOMATIC_TAX=true: a charge of 10,000 EUR to a German customer is paid 11,900, and its
// refunds are of that total, made through credit notes on its invoice. Stripe's events reach the
// handlers the webhook worker runs, called directly.

let world: KeptFinancialsWorld;
let handlers: typeof import("../../lib/server/stripe-sync/stripe-event-handlers").stripeEventHandlers;

beforeAll(async () => {
  world = await keptFinancialsWorld("taxed_refunds", { STRIPE_AUTOMATIC_TAX: "true" });
  ({ stripeEventHandlers: handlers } = await import("../../lib/server/stripe-sync/stripe-event-handlers"));
}, 120_000);

afterAll(async () => {
  await world?.close();
});

/** A German customer (the test body's address) charged 10,000 EUR: 11,900 with tax. */
async function taxedCharge() {
  const customerId = await world.newCustomer();
  await world.attachCard(customerId, { testId: "pm_card_visa", expMonth: 12, expYear: 2040 });
  const charge = await world.domain.createCharge({
    customerId,
    input: { amount: 10_000, currency: "EUR", description: "Setup fee" },
    actor: TEST_ACTOR,
    idempotencyKey: crypto.randomUUID(),
  });
  return { customerId, charge };
}

const refund = (id: string, amount?: number, idempotencyKey: string | undefined = undefined) =>
  world.domain.refundCharge({
    id,
    input: amount === undefined ? {} : { amount },
    actor: TEST_ACTOR,
    idempotencyKey,
  });

/** The charge's Stripe invoice, its credit notes, and Stripe's charge (what the card got back). */
async function atStripe(chargeId: string) {
  const row = await world
    .db()
    .charge.findUniqueOrThrow({ where: { id: chargeId }, include: { invoice: true } });
  const invoiceId = row.invoice?.stripeInvoiceId ?? "";
  const notes = (await world.sdk.creditNotes.list({ invoice: invoiceId })).data;
  const intent = await world.sdk.paymentIntents.retrieve(row.stripePaymentIntentId ?? "");
  const charge = await world.sdk.charges.retrieve(intent.latest_charge as string);
  return { notes, charge, invoice: await world.sdk.invoices.retrieve(invoiceId) };
}

const taxOf = (note: Stripe.CreditNote) => (note.total_taxes ?? []).reduce((sum, tax) => sum + tax.amount, 0);

async function replayChargeRefunded(stripeChargeId: string) {
  const events = await world.sdk.events.list({ type: "charge.refunded", limit: 100 });
  const ofCharge = events.data.filter((event) => (event.data.object as { id: string }).id === stripeChargeId);
  expect(ofCharge.length).toBeGreaterThan(0);
  for (const event of ofCharge) await handlers[event.type]?.(event);
  return ofCharge.length;
}

describe("refunding a charge billed with tax", () => {
  it("the charge shows its tax and total: 10,000 + 1,900 = 11,900, also in its charge.succeeded event", async () => {
    const { customerId, charge } = await taxedCharge();
    expect(charge).toMatchObject({
      amount: 10_000,
      tax: 1_900,
      total: 11_900,
      amount_refunded: 0,
      refunded: false,
    });
    const announced = await world.db().domainEvent.findFirstOrThrow({
      where: { customerId, type: "charge.succeeded" },
    });
    expect(announced.data).toMatchObject({ id: charge.id, tax: 1_900, total: 11_900 });
  });

  it("5,950 then the rest: credit notes reverse 950 and then 950 of tax, the card gets 11,900 back, a third refund is 409", async () => {
    const { charge } = await taxedCharge();
    const half = await refund(charge.id, 5_950);
    expect(half).toMatchObject({ amount_refunded: 5_950, refunded: false, total: 11_900 });
    expect(half.refunds.map((item) => item.amount)).toEqual([5_950]);
    const first = await atStripe(charge.id);
    expect(first.notes).toHaveLength(1);
    expect(first.notes[0]).toMatchObject({ subtotal: 5_000, total: 5_950, status: "issued" });
    expect(taxOf(first.notes[0] as Stripe.CreditNote)).toBe(950);
    expect(first.charge.amount_refunded).toBe(5_950);

    const rest = await refund(charge.id);
    expect(rest).toMatchObject({ amount_refunded: 11_900, refunded: true });
    const second = await atStripe(charge.id);
    expect(second.notes.map(taxOf)).toEqual([950, 950]);
    expect(second.charge).toMatchObject({ amount_refunded: 11_900, refunded: true });
    expect(second.invoice.post_payment_credit_notes_amount).toBe(11_900);
    // The credit notes' `invoice.updated` events bring our invoice level: credited, still paid.
    const updates = (await world.sdk.events.list({ type: "invoice.updated", limit: 100 })).data.filter(
      (event) => (event.data.object as { id: string }).id === second.invoice.id,
    );
    expect(updates).toHaveLength(2);
    for (const event of updates) await handlers[event.type]?.(event);
    expect(
      await world.db().invoice.findUniqueOrThrow({ where: { id: rest.invoice_id ?? "" } }),
    ).toMatchObject({ status: "paid", amountPaid: 11_900, amountCredited: 11_900 });

    const again = await refund(charge.id).catch((error: unknown) => error);
    expect(again).toBeInstanceOf(AppError);
    expect(again).toMatchObject({ code: "conflict" });
    expect((await atStripe(charge.id)).notes).toHaveLength(2);
  });

  it("more than is left of the 11,900 paid is a 422 naming amount that says what is left; nothing at Stripe", async () => {
    const { charge } = await taxedCharge();
    const refusal = await refund(charge.id, 11_901).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({
      code: "validation_failed",
      message: expect.stringContaining("Only 11900 of the 11900 paid"),
      options: { errors: [{ field: "amount", message: expect.stringContaining("at most 11900") }] },
    });
    const stripe = await atStripe(charge.id);
    expect(stripe.notes).toEqual([]);
    expect(stripe.charge.amount_refunded).toBe(0);
    const row = await world
      .db()
      .charge.findUniqueOrThrow({ where: { id: charge.id }, include: { refunds: true } });
    expect(row).toMatchObject({ amountRefunded: 0, refunds: [] });
  });

  it("replaying Stripe's charge.refunded events changes nothing: the same refunds, in the same units", async () => {
    const { charge } = await taxedCharge();
    await refund(charge.id, 1_190);
    await refund(charge.id);
    const before = await world
      .db()
      .charge.findUniqueOrThrow({ where: { id: charge.id }, include: { refunds: true } });
    const replayed = await replayChargeRefunded((await atStripe(charge.id)).charge.id);
    expect(replayed).toBe(2);
    const after = await world
      .db()
      .charge.findUniqueOrThrow({ where: { id: charge.id }, include: { refunds: true } });
    expect(after).toEqual(before);
    expect(after.amountRefunded).toBe(11_900);
    const announced = await world
      .db()
      .domainEvent.count({ where: { type: "charge.refunded", data: { path: ["id"], equals: charge.id } } });
    expect(announced).toBe(2);
  });

  it("a refund made at Stripe (the dashboard, gross) is recorded as it is: of the 11,900 paid", async () => {
    const { charge } = await taxedCharge();
    const { charge: stripeCharge, invoice } = await atStripe(charge.id);
    await world.sdk.creditNotes.create({ invoice: invoice.id, amount: 2_380, refund_amount: 2_380 });
    await replayChargeRefunded(stripeCharge.id);
    const row = await world.domain.refundCharge({
      id: charge.id,
      input: {},
      actor: TEST_ACTOR,
      idempotencyKey: undefined,
    });
    expect(row.refunds.map((item) => item.amount).sort((a, b) => a - b)).toEqual([2_380, 9_520]);
    expect(row).toMatchObject({ amount_refunded: 11_900, refunded: true });
  });

  it("a retry with the same Idempotency-Key refunds once, also when the two run at the same time", async () => {
    const { charge } = await taxedCharge();
    const key = crypto.randomUUID();
    const [one, two] = await Promise.all([refund(charge.id, 2_000, key), refund(charge.id, 2_000, key)]);
    const later = await refund(charge.id, 2_000, key);
    for (const result of [one, two, later]) expect(result).toMatchObject({ amount_refunded: 2_000 });
    const stripe = await atStripe(charge.id);
    expect(stripe.notes).toHaveLength(1);
    expect(stripe.charge.amount_refunded).toBe(2_000);
    expect(await world.db().refund.count({ where: { chargeId: charge.id } })).toBe(1);
  });

  it("a charge from before invoices (none) refunds its PaymentIntent directly, as before: no credit note", async () => {
    const customerId = await world.newCustomer();
    await world.attachCard(customerId, { testId: "pm_card_visa", expMonth: 12, expYear: 2040 });
    const customer = await world.db().customer.findUniqueOrThrow({
      where: { id: customerId },
      include: { defaultPaymentMethod: true },
    });
    const intent = await world.sdk.paymentIntents.create({
      amount: 1_500,
      currency: "eur",
      customer: customer.stripeCustomerId ?? "",
      payment_method: customer.defaultPaymentMethod?.stripePaymentMethodId ?? "",
      confirm: true,
      off_session: true,
    });
    const old = await world.db().charge.create({
      data: {
        id: newId("charge"),
        customerId,
        amount: 1_500,
        currency: "EUR",
        status: "succeeded",
        stripePaymentIntentId: intent.id,
        idempotencyKey: crypto.randomUUID(),
      },
    });
    const refunded = await refund(old.id);
    expect(refunded).toMatchObject({
      tax: 0,
      total: 1_500,
      amount_refunded: 1_500,
      refunded: true,
      invoice_id: null,
    });
    expect(await world.sdk.charges.retrieve(intent.latest_charge as string)).toMatchObject({
      amount_refunded: 1_500,
    });
    expect(
      (await world.sdk.creditNotes.list({ limit: 100 })).data.some(
        (note) => note.metadata?.donutwork_charge_id === old.id,
      ),
    ).toBe(false);
  });
});

import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BERLIN, customerIn, oneOffInvoice } from "./invoice-test-support";
import { type Harness, startHarness } from "./test-support";

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

/** A paid one-off invoice of 10,000 EUR to a German customer: 11,900 with tax. */
async function paidTaxedInvoice() {
  const { customerId, paymentMethodId } = await customerIn(harness, BERLIN);
  const open = await oneOffInvoice(harness, customerId, { amount: 10_000, automaticTax: true });
  const paid = await harness.stripe.invoices.pay(open.id, {
    payment_method: paymentMethodId,
    off_session: true,
  });
  const payments = await harness.stripe.invoicePayments.list({ invoice: paid.id });
  const intent = await harness.stripe.paymentIntents.retrieve(
    payments.data[0]?.payment.payment_intent as string,
  );
  return { invoice: paid, chargeId: intent.latest_charge as string };
}

describe("credit notes on a paid invoice", () => {
  it("a credit of 5,950 reverses 950 of tax and refunds 5,950 of the payment", async () => {
    const { invoice, chargeId } = await paidTaxedInvoice();
    const note = await harness.stripe.creditNotes.create({
      invoice: invoice.id,
      amount: 5_950,
      refund_amount: 5_950,
      reason: "order_change",
      metadata: { donutwork_charge_id: "ch_test" },
    });
    expect(note).toMatchObject({
      object: "credit_note",
      invoice: invoice.id,
      status: "issued",
      type: "post_payment",
      subtotal: 5_000,
      total: 5_950,
      amount: 5_950,
      post_payment_amount: 5_950,
      reason: "order_change",
      metadata: { donutwork_charge_id: "ch_test" },
    });
    expect(note.number).toBe(`${invoice.number}-CN-01`);
    expect(note.total_taxes).toEqual([
      expect.objectContaining({ amount: 950, taxable_amount: 5_000, taxability_reason: "standard_rated" }),
    ]);
    expect(note.lines.data).toEqual([
      expect.objectContaining({
        type: "invoice_line_item",
        invoice_line_item: invoice.lines.data[0]?.id,
        amount: 5_000,
      }),
    ]);
    const refund = await harness.stripe.refunds.retrieve(note.refunds[0]?.refund as string);
    expect(refund).toMatchObject({ amount: 5_950, charge: chargeId, status: "succeeded" });
    expect(await harness.stripe.charges.retrieve(chargeId)).toMatchObject({
      amount_refunded: 5_950,
      refunded: false,
    });
    expect(await harness.stripe.invoices.retrieve(invoice.id)).toMatchObject({
      status: "paid",
      post_payment_credit_notes_amount: 5_950,
    });
    await harness.receiver.waitForType("credit_note.created", note.id);
    await harness.receiver.waitForType("charge.refunded", chargeId);
    expect(await harness.stripe.creditNotes.retrieve(note.id)).toEqual(note);
  });

  it("the credit of the rest takes the rest of the tax, and nothing more can be credited", async () => {
    const { invoice, chargeId } = await paidTaxedInvoice();
    await harness.stripe.creditNotes.create({ invoice: invoice.id, amount: 3_333, refund_amount: 3_333 });
    const rest = await harness.stripe.creditNotes.create({
      invoice: invoice.id,
      amount: 8_567,
      refund_amount: 8_567,
    });
    const both = await harness.stripe.creditNotes.list({ invoice: invoice.id });
    expect(both.data.map((note) => note.id)).toEqual([rest.id, expect.any(String)]);
    const tax = both.data.reduce((sum, note) => sum + (note.total_taxes?.[0]?.amount ?? 0), 0);
    const subtotal = both.data.reduce((sum, note) => sum + note.subtotal, 0);
    expect({ tax, subtotal }).toEqual({ tax: 1_900, subtotal: 10_000 });
    expect(rest.number).toBe(`${invoice.number}-CN-02`);
    expect(await harness.stripe.charges.retrieve(chargeId)).toMatchObject({
      amount_refunded: 11_900,
      refunded: true,
    });

    const more = harness.stripe.creditNotes.create({ invoice: invoice.id, amount: 1, refund_amount: 1 });
    await expect(more).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    await expect(more).rejects.toMatchObject({ param: "amount" });
  });

  it("a line credited by its amount before tax carries that part of the line's tax", async () => {
    const { invoice } = await paidTaxedInvoice();
    const lineId = invoice.lines.data[0]?.id as string;
    const note = await harness.stripe.creditNotes.create({
      invoice: invoice.id,
      lines: [{ type: "invoice_line_item", invoice_line_item: lineId, amount: 2_500 }],
      refund_amount: 2_975,
    });
    expect(note).toMatchObject({ subtotal: 2_500, total: 2_975 });
  });

  it("refund plus out-of-band must equal the credit note's total: nothing is refunded otherwise", async () => {
    const { invoice, chargeId } = await paidTaxedInvoice();
    const wrong = harness.stripe.creditNotes.create({
      invoice: invoice.id,
      amount: 5_950,
      refund_amount: 5_000,
    });
    await expect(wrong).rejects.toThrow(/must equal the credit note amount/);
    expect(await harness.stripe.charges.retrieve(chargeId)).toMatchObject({ amount_refunded: 0 });
    expect((await harness.stripe.creditNotes.list({ invoice: invoice.id })).data).toEqual([]);
  });

  it("the same Idempotency-Key makes one credit note and one refund", async () => {
    const { invoice, chargeId } = await paidTaxedInvoice();
    const params = { invoice: invoice.id, amount: 1_190, refund_amount: 1_190 };
    const first = await harness.stripe.creditNotes.create(params, { idempotencyKey: "cn-once" });
    const again = await harness.stripe.creditNotes.create(params, { idempotencyKey: "cn-once" });
    expect(again.id).toBe(first.id);
    expect(await harness.stripe.charges.retrieve(chargeId)).toMatchObject({ amount_refunded: 1_190 });
  });

  it("an open invoice is refused (the emulator credits paid invoices only)", async () => {
    const { customerId } = await customerIn(harness, BERLIN);
    const open = await oneOffInvoice(harness, customerId, { amount: 1_000, automaticTax: true });
    await expect(harness.stripe.creditNotes.create({ invoice: open.id, amount: 100 })).rejects.toMatchObject({
      param: "invoice",
      statusCode: 400,
    });
  });
});

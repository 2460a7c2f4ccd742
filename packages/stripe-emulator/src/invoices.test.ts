import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BERLIN,
  customerIn as customerInWith,
  oneOffInvoice as oneOffInvoiceWith,
} from "./invoice-test-support";
import { type Harness, startHarness } from "./test-support";

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

const customerIn = (address: Stripe.AddressParam | null, cardNumber?: string) =>
  customerInWith(harness, address, cardNumber);
const oneOffInvoice = (customerId: string, options: { amount: number; automaticTax: boolean }) =>
  oneOffInvoiceWith(harness, customerId, options);

async function pdfText(url: string): Promise<string> {
  const response = await fetch(url);
  expect(response.headers.get("content-type")).toBe("application/pdf");
  const pdf = await getDocument({ data: new Uint8Array(await response.arrayBuffer()) }).promise;
  const page = await pdf.getPage(1);
  const content = await page.getTextContent();
  return content.items.map((item) => ("str" in item ? item.str : "")).join(" ");
}

describe("one-off invoices", () => {
  it("a German customer with automatic tax: 10,000 + 1,900 tax = 11,900, paid with the saved card", async () => {
    const { customerId, paymentMethodId } = await customerIn(BERLIN);
    const open = await oneOffInvoice(customerId, { amount: 10_000, automaticTax: true });
    expect(open).toMatchObject({
      status: "open",
      subtotal: 10_000,
      total_excluding_tax: 10_000,
      total: 11_900,
      amount_due: 11_900,
      customer_name: "Donut Works GmbH",
      customer_address: expect.objectContaining({ country: "DE", city: "Berlin", postal_code: "10117" }),
      automatic_tax: expect.objectContaining({ enabled: true, status: "complete" }),
      due_date: null,
    });
    expect(open.number).toMatch(/^[A-Z0-9]{8}-0001$/);
    expect(open.total_taxes).toEqual([
      expect.objectContaining({
        amount: 1_900,
        taxable_amount: 10_000,
        tax_behavior: "exclusive",
        taxability_reason: "standard_rated",
      }),
    ]);
    expect(open.lines.data[0]?.taxes?.[0]).toMatchObject({ amount: 1_900, tax_behavior: "exclusive" });

    const paid = await harness.stripe.invoices.pay(open.id, {
      payment_method: paymentMethodId,
      off_session: true,
    });
    expect(paid).toMatchObject({ status: "paid", amount_paid: 11_900, amount_remaining: 0 });
    const payments = await harness.stripe.invoicePayments.list({ invoice: open.id });
    const intentId = payments.data[0]?.payment.payment_intent as string;
    const intent = await harness.stripe.paymentIntents.retrieve(intentId);
    expect(intent).toMatchObject({ status: "succeeded", amount: 11_900, currency: "eur" });

    for (const type of ["invoice.created", "invoice.finalized", "invoice.paid"]) {
      await harness.receiver.waitForType(type, open.id);
    }
  });

  it("without automatic tax, or where the table has no rate, no tax is added", async () => {
    const untaxed = await oneOffInvoice((await customerIn(BERLIN)).customerId, {
      amount: 5_000,
      automaticTax: false,
    });
    expect(untaxed).toMatchObject({ total: 5_000, total_taxes: [] });

    const elsewhere = await customerIn({
      line1: "1 Main St",
      city: "Austin",
      state: "TX",
      postal_code: "73301",
      country: "US",
    });
    const notCollecting = await oneOffInvoice(elsewhere.customerId, { amount: 5_000, automaticTax: true });
    expect(notCollecting.total).toBe(5_000);
    expect(notCollecting.total_taxes?.[0]).toMatchObject({ amount: 0, taxability_reason: "not_collecting" });
  });

  it("the 0341 card is declined off-session: 402 card_declined, the invoice stays open, invoice.payment_failed", async () => {
    const { customerId, paymentMethodId } = await customerIn(BERLIN, "4000000000000341");
    const open = await oneOffInvoice(customerId, { amount: 2_000, automaticTax: false });
    const failure = await harness.stripe.invoices
      .pay(open.id, { payment_method: paymentMethodId, off_session: true })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(failure).toMatchObject({ statusCode: 402, code: "card_declined" });
    const after = await harness.stripe.invoices.retrieve(open.id);
    expect(after).toMatchObject({ status: "open", attempt_count: 1, amount_remaining: 2_000 });
    const payments = await harness.stripe.invoicePayments.list({ invoice: open.id });
    const intent = await harness.stripe.paymentIntents.retrieve(
      payments.data[0]?.payment.payment_intent as string,
    );
    expect(intent.last_payment_error?.code).toBe("card_declined");
    await harness.receiver.waitForType("invoice.payment_failed", open.id);
  });

  it("snapshots the customer's name and address at finalization; later changes reach the next invoice only", async () => {
    const { customerId } = await customerIn(BERLIN);
    const first = await oneOffInvoice(customerId, { amount: 1_000, automaticTax: true });
    await harness.stripe.customers.update(customerId, {
      name: "Donut Works SARL",
      address: { line1: "1 rue de Rivoli", city: "Paris", postal_code: "75001", country: "FR" },
    });
    const second = await oneOffInvoice(customerId, { amount: 1_000, automaticTax: true });
    expect(second).toMatchObject({ customer_name: "Donut Works SARL", total: 1_200 });
    expect(second.number).toMatch(/-0002$/);
    const firstAgain = await harness.stripe.invoices.retrieve(first.id);
    expect(firstAgain).toMatchObject({ customer_name: "Donut Works GmbH", total: 1_190 });
    expect(firstAgain.customer_address?.country).toBe("DE");
  });

  it("voids an open invoice or marks it uncollectible, with their events; a void one cannot be paid or reopened", async () => {
    const { customerId } = await customerIn(BERLIN);
    const voided = await harness.stripe.invoices.voidInvoice(
      (await oneOffInvoice(customerId, { amount: 1_000, automaticTax: false })).id,
    );
    expect(voided).toMatchObject({ status: "void", status_transitions: { voided_at: expect.any(Number) } });
    await harness.receiver.waitForType("invoice.voided", voided.id);
    await expect(harness.stripe.invoices.pay(voided.id)).rejects.toMatchObject({
      code: "invoice_not_editable",
    });
    await expect(harness.stripe.invoices.markUncollectible(voided.id)).rejects.toMatchObject({
      code: "invoice_not_editable",
    });
    const written = await harness.stripe.invoices.markUncollectible(
      (await oneOffInvoice(customerId, { amount: 1_000, automaticTax: false })).id,
    );
    expect(written).toMatchObject({
      status: "uncollectible",
      status_transitions: { marked_uncollectible_at: expect.any(Number) },
    });
    await harness.receiver.waitForType("invoice.marked_uncollectible", written.id);
    expect(await harness.stripe.invoices.voidInvoice(written.id)).toMatchObject({ status: "void" });
  });

  it("refuses items on another customer's or a finalized invoice, and re-finalizing", async () => {
    const { customerId } = await customerIn(BERLIN);
    const other = await customerIn(BERLIN);
    const open = await oneOffInvoice(customerId, { amount: 1_000, automaticTax: false });
    const add = (customer: string) =>
      harness.stripe.invoiceItems.create({ customer, invoice: open.id, amount: 100, currency: "eur" });
    await expect(add(other.customerId)).rejects.toMatchObject({ statusCode: 400, param: "invoice" });
    await expect(add(customerId)).rejects.toMatchObject({ statusCode: 400, param: "invoice" });
    await expect(harness.stripe.invoices.finalizeInvoice(open.id)).rejects.toMatchObject({
      code: "invoice_not_editable",
    });
  });
});

describe("hosted invoice page and PDF", () => {
  it("the hosted page and the PDF show the number, the legal name, the address, the lines, the tax and the total", async () => {
    const { customerId } = await customerIn(BERLIN);
    const open = await oneOffInvoice(customerId, { amount: 10_000, automaticTax: true });
    expect(open.hosted_invoice_url).toBe(`${harness.emulator.url}/i/${open.id}`);
    expect(open.invoice_pdf).toBe(`${harness.emulator.url}/i/${open.id}/pdf`);

    const page = await fetch(open.hosted_invoice_url ?? "");
    expect(page.status).toBe(200);
    const html = await page.text();
    for (const text of [
      open.number ?? "",
      "Donut Works GmbH",
      "10117 Berlin",
      "DE",
      "Setup fee",
      "Tax (19%)",
      "€19.00",
      "€119.00",
    ]) {
      expect(html).toContain(text);
    }

    const text = await pdfText(open.invoice_pdf ?? "");
    for (const expected of [
      open.number ?? "",
      "Donut Works GmbH",
      "Friedrichstraße 1",
      "10117 Berlin",
      "DE",
      "Setup fee",
      "Tax (19%)",
      "€19.00",
      "€119.00",
    ]) {
      expect(text).toContain(expected);
    }
  });

  it("a draft has no hosted page: 404", async () => {
    const { customerId } = await customerIn(BERLIN);
    const draft = await harness.stripe.invoices.create({ customer: customerId, currency: "eur" });
    expect(draft.hosted_invoice_url).toBeNull();
    expect((await fetch(`${harness.emulator.url}/i/${draft.id}`)).status).toBe(404);
    expect((await fetch(`${harness.emulator.url}/i/${draft.id}/pdf`)).status).toBe(404);
  });
});

describe("subscription invoices", () => {
  it("are taxed when the subscription has automatic tax on", async () => {
    const { customerId } = await customerIn(BERLIN);
    const price = await harness.stripe.prices.create({
      currency: "eur",
      unit_amount: 4_900,
      recurring: { interval: "month" },
      product_data: { name: "Pro plan" },
    });
    const subscription = await harness.stripe.subscriptions.create({
      customer: customerId,
      items: [{ price: price.id }],
      automatic_tax: { enabled: true },
      expand: ["latest_invoice"],
    });
    const invoice = subscription.latest_invoice as Stripe.Invoice;
    expect(invoice).toMatchObject({ status: "paid", subtotal: 4_900, total: 5_831, amount_paid: 5_831 });
  });
});

import type Stripe from "stripe";
import type { EmulatorContext } from "./context";
import {
  type CreditableLine,
  creditLine,
  creditTotal,
  type LineCredit,
  remainingOf,
} from "./credit-note-amounts";
import { invalidParam, invalidRequest, missingParam } from "./errors";
import { newId } from "./ids";
import { invoicePdfUrl } from "./invoice-links";
import { createdFilter, paginate } from "./list";
import { formatAmount } from "./money";
import type { Params } from "./params";
import { refundCharge } from "./refunds";
import { apiRoute, type Route } from "./router";
import type { CreditNoteLineItemObject, CreditNoteObject, InvoiceObject } from "./types";

/*
 * Credit notes on paid invoices (Stripe's "post-payment" credit notes): a document that credits
 * part or all of the invoice, its tax reversed in proportion (credit-note-amounts.ts), and a
 * refund of `refund_amount` on the invoice's payment. As in Stripe, `refund_amount` plus
 * `out_of_band_amount` must equal the credit note's total. Not emulated: credit notes on open
 * invoices (which lower what is due), customer balance credits (`credit_amount`), custom lines
 * and crediting by quantity; each is refused with a 400 that says so.
 */

const REASONS = ["duplicate", "fraudulent", "order_change", "product_unsatisfactory"] as const;

function issuedNotesOf(ctx: EmulatorContext, invoice: InvoiceObject): CreditNoteObject[] {
  return ctx.store.creditNotes.list((note) => note.invoice === invoice.id && note.status === "issued");
}

/** The invoice's lines with what its issued credit notes already took of each. */
function creditableLines(ctx: EmulatorContext, invoice: InvoiceObject): CreditableLine[] {
  const credited = issuedNotesOf(ctx, invoice).flatMap((note) => note.lines.data);
  return invoice.lines.data.map((line) => {
    const ofLine = credited.filter((credit) => credit.invoice_line_item === line.id);
    return {
      id: line.id,
      amount: line.amount,
      tax: (line.taxes ?? []).reduce((sum, tax) => sum + tax.amount, 0),
      creditedAmount: ofLine.reduce((sum, credit) => sum + credit.amount, 0),
      creditedTax: ofLine.reduce((sum, credit) => sum + taxOfLine(credit), 0),
    };
  });
}

const taxOfLine = (line: CreditNoteLineItemObject) =>
  (line.taxes ?? []).reduce((sum, tax) => sum + tax.amount, 0);

function paidInvoice(ctx: EmulatorContext, params: Params): InvoiceObject {
  const invoice = ctx.store.invoices.get(params.requiredString("invoice"), "invoice");
  if (invoice.status === "paid") return invoice;
  if (invoice.status === "open") {
    throw invalidRequest("The emulator issues credit notes on paid invoices only.", { param: "invoice" });
  }
  throw invalidRequest(
    `You can only create a credit note on a finalized invoice; ${invoice.id} is ${invoice.status}.`,
    {
      param: "invoice",
      code: "invoice_not_editable",
    },
  );
}

/** `lines[]` of type `invoice_line_item` with an `amount` before tax. */
function creditsFromLines(lines: CreditableLine[], given: Params[]): LineCredit[] {
  return given.map((line, index) => {
    const param = `lines[${index}]`;
    if (line.oneOf("type", ["invoice_line_item", "custom_line_item"]) !== "invoice_line_item") {
      throw invalidParam(
        `${param}[type]`,
        "The emulator credits invoice lines only (type=invoice_line_item).",
      );
    }
    const id = line.requiredString("invoice_line_item");
    const target = lines.find((candidate) => candidate.id === id);
    if (!target) throw invalidParam(`${param}[invoice_line_item]`, `No such invoice line item: '${id}'`);
    const amount = line.integer("amount", { min: 1 });
    if (amount === undefined) throw missingParam(`${param}[amount]`);
    if (amount > remainingOf(target).amount) {
      throw invalidParam(
        `${param}[amount]`,
        `The amount (${amount}) is more than is left to credit of invoice line item ${id} (${remainingOf(target).amount}).`,
      );
    }
    return creditLine(target, amount);
  });
}

function readCredits(ctx: EmulatorContext, invoice: InvoiceObject, params: Params): LineCredit[] {
  const lines = creditableLines(ctx, invoice);
  const given = params.objectList("lines");
  if (given.length > 0) return creditsFromLines(lines, given);
  const amount = params.integer("amount", { min: 1 });
  if (amount === undefined) throw missingParam("amount");
  const credits = creditTotal(lines, amount);
  if (!credits) {
    const left = lines.reduce((sum, line) => sum + remainingOf(line).amount + remainingOf(line).tax, 0);
    throw invalidParam(
      "amount",
      `The credit note amount (${formatAmount(amount, invoice.currency)}) is more than is left to credit on the invoice (${formatAmount(left, invoice.currency)}).`,
    );
  }
  return credits;
}

function noteLine(invoice: InvoiceObject, credit: LineCredit): CreditNoteLineItemObject {
  const line = invoice.lines.data.find((candidate) => candidate.id === credit.lineId);
  const tax = line?.taxes?.[0];
  return {
    id: newId("cnli"),
    object: "credit_note_line_item",
    amount: credit.amount,
    description: line?.description ?? null,
    discount_amount: 0,
    discount_amounts: [],
    invoice_line_item: credit.lineId,
    livemode: false,
    metadata: {},
    pretax_credit_amounts: [],
    quantity: 1,
    tax_rates: [],
    taxes: tax
      ? [
          {
            amount: credit.tax,
            tax_behavior: tax.tax_behavior,
            tax_rate_details: tax.tax_rate_details,
            taxability_reason: tax.taxability_reason,
            taxable_amount: credit.amount,
            type: "tax_rate_details",
          },
        ]
      : [],
    type: "invoice_line_item",
    unit_amount: null,
    unit_amount_decimal: null,
  };
}

/** Totals per tax rate over the note's lines (the emulator has one rate per invoice). */
function totalTaxes(lines: CreditNoteLineItemObject[]): Stripe.CreditNote.TotalTax[] {
  const taxes = lines.flatMap((line) => line.taxes ?? []);
  const [first] = taxes;
  if (!first) return [];
  return [
    {
      amount: taxes.reduce((sum, tax) => sum + tax.amount, 0),
      tax_behavior: first.tax_behavior,
      tax_rate_details: first.tax_rate_details,
      taxability_reason: first.taxability_reason,
      taxable_amount: taxes.reduce((sum, tax) => sum + (tax.taxable_amount ?? 0), 0),
      type: "tax_rate_details",
    },
  ];
}

/** Refund plus out-of-band must be the whole credit note, as Stripe requires after payment. */
function readSettlement(params: Params, total: number, currency: string) {
  if (params.has("credit_amount") && params.integer("credit_amount", { min: 0 }) !== 0) {
    throw invalidParam("credit_amount", "The emulator does not credit customer balances.");
  }
  const refundAmount = params.integer("refund_amount", { min: 0 }) ?? 0;
  const outOfBand = params.integer("out_of_band_amount", { min: 0 }) ?? 0;
  if (refundAmount + outOfBand !== total) {
    throw invalidRequest(
      `The sum of credit amount, refund amount and out of band amount (${formatAmount(refundAmount + outOfBand, currency)}) must equal the credit note amount (${formatAmount(total, currency)}).`,
    );
  }
  return { refundAmount, outOfBand };
}

function refundInvoicePayment(
  ctx: EmulatorContext,
  invoice: InvoiceObject,
  amount: number,
  reason: string | null,
) {
  const intent = invoice.payment_intent ? ctx.store.paymentIntents.find(invoice.payment_intent) : undefined;
  const chargeId = intent?.latest_charge;
  if (!chargeId)
    throw invalidRequest(`Invoice ${invoice.id} has no payment to refund.`, { param: "refund_amount" });
  const charge = ctx.store.charges.get(chargeId as string, "charge");
  if (amount > charge.amount - charge.amount_refunded) {
    throw invalidParam(
      "refund_amount",
      `The refund amount is more than is left to refund of charge ${charge.id}.`,
    );
  }
  return refundCharge(ctx, charge, amount, {
    metadata: {},
    reason: reason === "duplicate" || reason === "fraudulent" ? reason : "requested_by_customer",
  });
}

/** `POST /v1/credit_notes`. */
function createCreditNote(ctx: EmulatorContext, params: Params): CreditNoteObject {
  const invoice = paidInvoice(ctx, params);
  const lines = readCredits(ctx, invoice, params).map((credit) => noteLine(invoice, credit));
  const subtotal = lines.reduce((sum, line) => sum + line.amount, 0);
  const tax = lines.reduce((sum, line) => sum + taxOfLine(line), 0);
  const total = subtotal + tax;
  const { refundAmount, outOfBand } = readSettlement(params, total, invoice.currency);
  const reason = params.oneOf("reason", REASONS) ?? null;
  const sequence = ctx.store.creditNotes.list((note) => note.invoice === invoice.id).length + 1;
  const id = newId("cn");
  const refund = refundAmount > 0 ? refundInvoicePayment(ctx, invoice, refundAmount, reason) : null;
  const note = ctx.store.creditNotes.put({
    id,
    object: "credit_note",
    amount: total,
    amount_shipping: 0,
    created: ctx.clock.now(),
    currency: invoice.currency,
    customer: invoice.customer as string,
    customer_account: null,
    customer_balance_transaction: null,
    discount_amount: 0,
    discount_amounts: [],
    effective_at: null,
    invoice: invoice.id,
    lines: { object: "list", data: lines, has_more: false, url: `/v1/credit_notes/${id}/lines` },
    livemode: false,
    memo: params.string("memo") ?? null,
    metadata: params.metadata() ?? {},
    number: `${invoice.number}-CN-${String(sequence).padStart(2, "0")}`,
    out_of_band_amount: outOfBand > 0 ? outOfBand : null,
    pdf: `${invoicePdfUrl(ctx, invoice)}?credit_note=${id}`,
    post_payment_amount: total,
    pre_payment_amount: 0,
    pretax_credit_amounts: [],
    reason,
    refunds: refund
      ? [{ amount_refunded: refund.amount, payment_record_refund: null, refund: refund.id, type: "refund" }]
      : [],
    shipping_cost: null,
    status: "issued",
    subtotal,
    subtotal_excluding_tax: subtotal,
    total,
    total_excluding_tax: subtotal,
    total_taxes: totalTaxes(lines),
    type: "post_payment",
    voided_at: null,
  });
  const previous = invoice.post_payment_credit_notes_amount;
  invoice.post_payment_credit_notes_amount += total;
  ctx.events.record("credit_note.created", note);
  ctx.events.record("invoice.updated", invoice, { post_payment_credit_notes_amount: previous });
  return note;
}

export const creditNoteRoutes: Route[] = [
  apiRoute("POST", "/v1/credit_notes", (ctx, request) => createCreditNote(ctx, request.params)),
  apiRoute("GET", "/v1/credit_notes/:id", (ctx, request) =>
    ctx.store.creditNotes.get(request.pathParam("id"), "credit_note"),
  ),
  apiRoute("GET", "/v1/credit_notes", (ctx, { params }) => {
    const invoice = params.string("invoice");
    const customer = params.string("customer");
    const created = createdFilter(params);
    const notes = ctx.store.creditNotes.list(
      (note) =>
        (!invoice || note.invoice === invoice) && (!customer || note.customer === customer) && created(note),
    );
    return paginate(notes, params, "/v1/credit_notes");
  }),
];

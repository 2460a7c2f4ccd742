import { isDeepStrictEqual } from "node:util";
import type Stripe from "stripe";
import type { Prisma } from "../../generated/prisma/client";
import type { InvoiceAddress, InvoiceLine } from "../../validations/invoice";

/** The columns of our invoice row that come from Stripe's invoice (not the ids and links of ours). */
export interface InvoiceFields {
  number: string | null;
  status: string;
  currency: string;
  subtotal: number;
  tax: number;
  total: number;
  amountPaid: number;
  amountRemaining: number;
  amountCredited: number;
  attemptCount: number;
  periodStart: Date;
  periodEnd: Date;
  dueDate: Date | null;
  customerName: string | null;
  customerEmail: string | null;
  customerAddress: InvoiceAddress | null;
  lines: InvoiceLine[];
  hostedInvoiceUrl: string | null;
  invoicePdf: string | null;
}

const date = (seconds: number) => new Date(seconds * 1000);

function printedAddress(address: Stripe.Address | null): InvoiceAddress | null {
  if (!address) return null;
  const { line1, line2, city, state, postal_code, country } = address;
  return { line1, line2, city, state, postal_code, country };
}

/** Stripe's invoice as our columns: amounts as they are (minor units), tax the sum of its taxes. */
export function mapStripeInvoice(invoice: Stripe.Invoice, lines: Stripe.InvoiceLineItem[]): InvoiceFields {
  return {
    number: invoice.number,
    status: invoice.status ?? "draft",
    currency: invoice.currency.toUpperCase(),
    subtotal: invoice.subtotal,
    tax: (invoice.total_taxes ?? []).reduce((sum, tax) => sum + tax.amount, 0),
    total: invoice.total,
    amountPaid: invoice.amount_paid,
    amountRemaining: invoice.amount_remaining,
    amountCredited: invoice.pre_payment_credit_notes_amount + invoice.post_payment_credit_notes_amount,
    attemptCount: invoice.attempt_count,
    periodStart: date(invoice.period_start),
    periodEnd: date(invoice.period_end),
    dueDate: invoice.due_date ? date(invoice.due_date) : null,
    customerName: invoice.customer_name,
    customerEmail: invoice.customer_email,
    customerAddress: printedAddress(invoice.customer_address),
    lines: lines.map((line) => ({
      description: line.description,
      amount: line.amount,
      quantity: line.quantity ?? 1,
    })),
    hostedInvoiceUrl: invoice.hosted_invoice_url ?? null,
    invoicePdf: invoice.invoice_pdf ?? null,
  };
}

/**
 * Whether the row differs from Stripe's fields: dates by instant, JSON by value whatever its key
 * order (PostgreSQL's jsonb gives keys back in its own order, so comparing JSON text would call
 * every replayed event a change and move `updated_at`).
 */
export function invoiceDiffers(row: { [K in keyof InvoiceFields]: unknown }, fields: InvoiceFields): boolean {
  return (Object.keys(fields) as (keyof InvoiceFields)[]).some(
    (key) => !isDeepStrictEqual(row[key], fields[key]),
  );
}

/** The fields as Prisma writes them (JSON columns need Prisma's JSON null). */
export function invoiceData(fields: InvoiceFields) {
  return {
    ...fields,
    customerAddress: (fields.customerAddress ?? undefined) as Prisma.InputJsonValue | undefined,
    lines: fields.lines as unknown as Prisma.InputJsonValue,
  };
}

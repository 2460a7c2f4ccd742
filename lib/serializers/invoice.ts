import type { Invoice } from "../generated/prisma/client";
import type { InvoiceAddress, InvoiceLine, InvoiceResponse } from "../validations/invoice";

export type InvoiceRow = Invoice & { charge?: { id: string } | null };

/** The public JSON shape of an invoice (our mirror of Stripe's). */
export function serializeInvoice(row: InvoiceRow): InvoiceResponse {
  return {
    id: row.id,
    object: "invoice",
    customer_id: row.customerId,
    stripe_invoice_id: row.stripeInvoiceId,
    number: row.number,
    status: row.status as InvoiceResponse["status"],
    currency: row.currency,
    subtotal: row.subtotal,
    tax: row.tax,
    total: row.total,
    amount_paid: row.amountPaid,
    amount_remaining: row.amountRemaining,
    amount_credited: row.amountCredited,
    period_start: row.periodStart.toISOString(),
    period_end: row.periodEnd.toISOString(),
    due_date: row.dueDate?.toISOString() ?? null,
    customer_name: row.customerName,
    customer_email: row.customerEmail,
    customer_address: (row.customerAddress as InvoiceAddress | null) ?? null,
    subscription_id: row.subscriptionId,
    charge_id: row.charge?.id ?? null,
    hosted_invoice_url: row.hostedInvoiceUrl,
    invoice_pdf: row.invoicePdf,
    lines: row.lines as InvoiceLine[],
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

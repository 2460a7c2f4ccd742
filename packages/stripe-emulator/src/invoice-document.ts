import { taxOf } from "./invoice-totals";
import { formatAmount } from "./money";
import type { InvoiceObject } from "./types";

/**
 * What a finalized invoice prints, the same on its hosted page and in its PDF: the number, the
 * customer's legal name, email and address as snapshotted at finalization, the lines, the tax
 * and the total, amounts formatted in the invoice's currency.
 */
export interface InvoiceDocument {
  title: string;
  number: string;
  status: string;
  issuer: string;
  issuedOn: string;
  dueOn: string | null;
  billTo: string[];
  lines: { description: string; quantity: number; amount: string }[];
  subtotal: string;
  tax: { label: string; amount: string } | null;
  total: string;
  amountDue: string;
}

function day(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}

/** The address in printing order, empty parts left out; the country as its ISO code. */
function addressLines(invoice: InvoiceObject): string[] {
  const address = invoice.customer_address;
  if (!address) return [];
  const cityLine = [address.postal_code, address.city, address.state].filter(Boolean).join(" ");
  return [address.line1, address.line2, cityLine, address.country].filter((part): part is string =>
    Boolean(part),
  );
}

function taxLabel(invoice: InvoiceObject): string {
  const first = invoice.total_taxes?.[0];
  if (!first?.taxable_amount) return "Tax";
  const percent = (first.amount * 100) / first.taxable_amount;
  return first.taxability_reason === "not_collecting"
    ? "Tax (not collecting)"
    : `Tax (${Math.round(percent)}%)`;
}

export function invoiceDocument(invoice: InvoiceObject): InvoiceDocument {
  const money = (amount: number) => formatAmount(amount, invoice.currency);
  return {
    title: `Invoice ${invoice.number ?? invoice.id}`,
    number: invoice.number ?? "",
    status: invoice.status ?? "draft",
    issuer: invoice.account_name ?? "",
    issuedOn: day(invoice.status_transitions.finalized_at ?? invoice.created),
    dueOn: invoice.due_date ? day(invoice.due_date) : null,
    billTo: [invoice.customer_name, invoice.customer_email, ...addressLines(invoice)].filter(
      (part): part is string => Boolean(part),
    ),
    lines: invoice.lines.data.map((line) => ({
      description: line.description ?? "",
      quantity: line.quantity ?? 1,
      amount: money(line.amount),
    })),
    subtotal: money(invoice.subtotal),
    tax: invoice.automatic_tax.enabled ? { label: taxLabel(invoice), amount: money(taxOf(invoice)) } : null,
    total: money(invoice.total),
    amountDue: money(invoice.amount_remaining),
  };
}

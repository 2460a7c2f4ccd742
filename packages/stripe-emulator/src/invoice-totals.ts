import type Stripe from "stripe";
import { exclusiveTax, type TaxRate, taxFor } from "./tax-rates";
import type { InvoiceLineItemObject, InvoiceObject } from "./types";

/*
 * An invoice's amounts from its lines, as Stripe computes them: with `automatic_tax` on, each
 * line is taxed (exclusive, on top) at the rate of the customer's address (tax-rates.ts), the
 * taxes add up per line into `total_taxes`, and `total` = `subtotal` + tax. The customer's
 * balance (`starting_balance`) then lowers what is due.
 */

/** A stable id per country stands in for the tax rate object Stripe Tax would create. */
function taxRateId(rate: TaxRate): string {
  return `txr_emulator_${(rate.country ?? "none").toLowerCase()}_${rate.rateBasisPoints}`;
}

function lineTax(line: InvoiceLineItemObject, rate: TaxRate): Stripe.InvoiceLineItem.Tax {
  return {
    amount: exclusiveTax(line.amount, rate),
    tax_behavior: "exclusive",
    tax_rate_details: { tax_rate: taxRateId(rate) },
    taxability_reason: rate.taxabilityReason,
    taxable_amount: line.amount,
    type: "tax_rate_details",
  };
}

/** One `total_taxes` entry per rate, summed over the lines (the emulator has one rate per invoice). */
function totalTaxes(lines: InvoiceLineItemObject[], rate: TaxRate): Stripe.Invoice.TotalTax[] {
  if (lines.length === 0) return [];
  return [
    {
      amount: lines.reduce((sum, line) => sum + (line.taxes?.[0]?.amount ?? 0), 0),
      tax_behavior: "exclusive",
      tax_rate_details: { tax_rate: taxRateId(rate) },
      taxability_reason: rate.taxabilityReason,
      taxable_amount: lines.reduce((sum, line) => sum + line.amount, 0),
      type: "tax_rate_details",
    },
  ];
}

/** The tax the invoice's lines and totals carry, or none when automatic tax is off. */
export function taxOf(invoice: InvoiceObject): number {
  return (invoice.total_taxes ?? []).reduce((sum, tax) => sum + tax.amount, 0);
}

/**
 * Recomputes subtotal, tax, total and what is due from the lines, taxing at `address`'s rate
 * when `invoice.automatic_tax.enabled`. Called whenever a draft's lines change and at finalization
 * (when Stripe fixes the tax from the customer's address of that moment).
 */
export function applyTotals(invoice: InvoiceObject, address: Stripe.Address | null): void {
  const lines = invoice.lines.data;
  const taxed = invoice.automatic_tax.enabled;
  const rate = taxFor(address);
  for (const line of lines) line.taxes = taxed ? [lineTax(line, rate)] : [];
  invoice.total_taxes = taxed ? totalTaxes(lines, rate) : [];
  invoice.automatic_tax.status = taxed ? "complete" : null;
  const subtotal = lines.reduce((sum, line) => sum + line.amount, 0);
  const total = subtotal + taxOf(invoice);
  invoice.subtotal = subtotal;
  invoice.subtotal_excluding_tax = subtotal;
  invoice.total_excluding_tax = subtotal;
  invoice.total = total;
  invoice.amount_due = Math.max(0, total + invoice.starting_balance);
  invoice.amount_remaining = Math.max(0, invoice.amount_due - invoice.amount_paid);
}

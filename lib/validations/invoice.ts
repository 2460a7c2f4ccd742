import { z } from "zod";
import { invoiceExample } from "./examples";
import { eid, timestamp } from "./responses";

// The shape GET /invoices/{id}.json and the customer's invoice list return.

const minorUnits = z.number().int().meta({ description: "Integer in the currency's minor unit" });

const printedAddressSchema = z
  .object({
    line1: z.string().nullable(),
    line2: z.string().nullable(),
    city: z.string().nullable(),
    state: z.string().nullable(),
    postal_code: z.string().nullable(),
    country: z.string().nullable(),
  })
  .meta({ id: "InvoiceAddress" });

export const invoiceResponseSchema = z
  .object({
    id: eid("invoice"),
    object: z.literal("invoice"),
    customer_id: z.string(),
    stripe_invoice_id: z.string(),
    number: z.string().nullable().meta({ description: "Stripe's invoice number; null while a draft" }),
    status: z.enum(["draft", "open", "paid", "void", "uncollectible"]),
    currency: z.string().meta({ description: "ISO 4217, upper case", example: "EUR" }),
    subtotal: minorUnits.meta({ description: "The lines' total, before tax" }),
    tax: minorUnits.meta({ description: "Tax, exclusive: added on top of the subtotal" }),
    total: minorUnits.meta({ description: "subtotal + tax" }),
    amount_paid: minorUnits,
    amount_remaining: minorUnits,
    amount_credited: minorUnits.meta({
      description: "What credit notes credited of the total (refunds of its charge are made through them)",
    }),
    period_start: timestamp,
    period_end: timestamp,
    due_date: timestamp.nullable().meta({ description: "Only invoices sent for payment have one" }),
    customer_name: z.string().nullable().meta({ description: "The legal name as printed on the invoice" }),
    customer_email: z.string().nullable(),
    customer_address: printedAddressSchema
      .nullable()
      .meta({ description: "The address as printed on the invoice (Stripe copies it at finalization)" }),
    subscription_id: eid("subscription").nullable(),
    charge_id: eid("charge").nullable(),
    hosted_invoice_url: z
      .string()
      .nullable()
      .meta({ description: "Stripe's hosted invoice page; null while a draft" }),
    invoice_pdf: z.string().nullable().meta({ description: "The invoice as a PDF; null while a draft" }),
    lines: z.array(
      z.object({ description: z.string().nullable(), amount: minorUnits, quantity: z.number().int() }),
    ),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: "Invoice", example: invoiceExample });

export type InvoiceResponse = z.infer<typeof invoiceResponseSchema>;
export type InvoiceLine = InvoiceResponse["lines"][number];
export type InvoiceAddress = NonNullable<InvoiceResponse["customer_address"]>;

import type Stripe from "stripe";
import type { EmulatorContext } from "./context";
import { newId } from "./ids";
import { applyTotals } from "./invoice-totals";
import { embeddedList } from "./object-helpers";
import type { Period } from "./subscription-factory";
import type {
  CustomerObject,
  InvoiceItemObject,
  InvoiceLineItemObject,
  InvoiceObject,
  Metadata,
  PriceObject,
  SubscriptionObject,
} from "./types";

/** One line of a subscription invoice: a period of an item, or a pending (proration) invoice item. */
export interface InvoiceLine {
  amount: number;
  description: string;
  quantity: number;
  price: PriceObject;
  period: Period;
  subscriptionItem: string;
  /** Set when the line bills a pending invoice item rather than the subscription item itself. */
  invoiceItem: string | null;
  proration: boolean;
}

function buildLine(
  invoiceId: string,
  subscription: SubscriptionObject,
  line: InvoiceLine,
): InvoiceLineItemObject {
  const source = {
    invoice_item: line.invoiceItem,
    proration: line.proration,
    proration_details: { credited_items: null },
  };
  const parent: InvoiceLineItemObject["parent"] = line.invoiceItem
    ? {
        type: "invoice_item_details",
        invoice_item_details: { ...source, invoice_item: line.invoiceItem, subscription: subscription.id },
        subscription_item_details: null,
      }
    : {
        type: "subscription_item_details",
        invoice_item_details: null,
        subscription_item_details: {
          ...source,
          subscription: subscription.id,
          subscription_item: line.subscriptionItem,
        },
      };
  return {
    id: newId("il"),
    object: "line_item",
    amount: line.amount,
    currency: line.price.currency,
    description: line.description,
    discount_amounts: [],
    discountable: !line.proration,
    discounts: [],
    invoice: invoiceId,
    livemode: false,
    metadata: {},
    parent,
    period: { start: line.period.start, end: line.period.end },
    pretax_credit_amounts: [],
    pricing: {
      price_details: { price: line.price.id, product: line.price.product as string },
      type: "price_details",
      unit_amount_decimal: line.price.unit_amount_decimal,
    },
    quantity: line.quantity,
    quantity_decimal: String(line.quantity),
    subscription: subscription.id,
    subtotal: line.amount,
    taxes: [],
  };
}

interface NewInvoice {
  customer: CustomerObject;
  subscription: SubscriptionObject;
  billingReason: Stripe.Invoice.BillingReason;
  period: Period;
  lines: InvoiceLine[];
}

/** What a one-off invoice (`POST /v1/invoices`, no subscription) is made with. */
export interface NewOneOffInvoice {
  customer: CustomerObject;
  currency: string;
  automaticTax: boolean;
  collectionMethod: Stripe.Invoice.CollectionMethod;
  autoAdvance: boolean;
  /** `send_invoice` only: Unix seconds, from `due_date` or `days_until_due`. */
  dueDate: number | null;
  defaultPaymentMethod: string | null;
  description: string | null;
  metadata: Metadata;
}

/** The fields every invoice starts with, subscription or one-off: a draft, nothing paid yet. */
function baseInvoice(ctx: EmulatorContext, id: string, customer: CustomerObject, currency: string) {
  return {
    id,
    object: "invoice",
    account_country: "US",
    account_name: "DonutWork (Stripe emulator)",
    account_tax_ids: null,
    amount_overpaid: 0,
    amount_paid: 0,
    amount_shipping: 0,
    application: null,
    attempt_count: 0,
    attempted: false,
    automatically_finalizes_at: null,
    created: ctx.clock.now(),
    currency,
    custom_fields: null,
    customer: customer.id,
    customer_account: null,
    // Set at finalization, when Stripe copies the customer's details onto the document.
    customer_address: null,
    customer_email: customer.email,
    customer_name: customer.name ?? null,
    customer_phone: customer.phone ?? null,
    customer_shipping: null,
    customer_tax_exempt: "none",
    customer_tax_ids: [],
    default_source: null,
    default_tax_rates: [],
    discounts: [],
    effective_at: null,
    ending_balance: null,
    footer: null,
    from_invoice: null,
    hosted_invoice_url: null,
    invoice_pdf: null,
    issuer: { type: "self" },
    last_finalization_error: null,
    latest_revision: null,
    livemode: false,
    next_payment_attempt: null,
    number: null,
    on_behalf_of: null,
    payment_intent: null,
    payment_settings: { default_mandate: null, payment_method_options: null, payment_method_types: null },
    post_payment_credit_notes_amount: 0,
    pre_payment_credit_notes_amount: 0,
    receipt_number: null,
    rendering: null,
    shipping_cost: null,
    shipping_details: null,
    statement_descriptor: null,
    status: "draft",
    status_transitions: { finalized_at: null, marked_uncollectible_at: null, paid_at: null, voided_at: null },
    test_clock: null,
    total_discount_amounts: [],
    total_pretax_credit_amounts: [],
    total_taxes: [],
    webhooks_delivered_at: null,
  } satisfies Partial<InvoiceObject>;
}

/** A draft one-off invoice with no lines yet; `invoice-items.ts` adds them. */
export function createOneOffInvoice(ctx: EmulatorContext, fields: NewOneOffInvoice): InvoiceObject {
  const id = newId("in");
  const now = ctx.clock.now();
  const invoice: InvoiceObject = {
    ...baseInvoice(ctx, id, fields.customer, fields.currency),
    amount_due: 0,
    amount_remaining: 0,
    auto_advance: fields.autoAdvance,
    automatic_tax: {
      disabled_reason: null,
      enabled: fields.automaticTax,
      liability: fields.automaticTax ? { type: "self" } : null,
      provider: fields.automaticTax ? "stripe" : null,
      status: fields.automaticTax ? "complete" : null,
    },
    billing_reason: "manual",
    collection_method: fields.collectionMethod,
    default_payment_method: fields.defaultPaymentMethod,
    description: fields.description,
    // Stripe: only `send_invoice` invoices have a due date; charged ones are paid at finalization.
    due_date: fields.dueDate,
    lines: embeddedList([], `/v1/invoices/${id}/lines`),
    metadata: fields.metadata,
    parent: null,
    period_end: now,
    period_start: now,
    starting_balance: 0,
    subscription: null,
    subtotal: 0,
    subtotal_excluding_tax: 0,
    total: 0,
    total_excluding_tax: 0,
  };
  ctx.store.invoices.put(invoice);
  ctx.events.record("invoice.created", invoice);
  return invoice;
}

/**
 * A draft invoice. The customer's balance is applied as Stripe does: a credit (negative balance)
 * lowers `amount_due`, and a negative total (a downgrade's proration) becomes a credit.
 */
function buildInvoice(ctx: EmulatorContext, fields: NewInvoice): InvoiceObject {
  const id = newId("in");
  const { customer, subscription } = fields;
  const invoice: InvoiceObject = {
    ...baseInvoice(ctx, id, customer, subscription.currency),
    amount_due: 0,
    amount_remaining: 0,
    auto_advance: true,
    automatic_tax: {
      disabled_reason: null,
      enabled: subscription.automatic_tax.enabled,
      liability: subscription.automatic_tax.enabled ? { type: "self" } : null,
      provider: subscription.automatic_tax.enabled ? "stripe" : null,
      status: null,
    },
    billing_reason: fields.billingReason,
    collection_method: "charge_automatically",
    default_payment_method: null,
    description: null,
    due_date: null,
    lines: embeddedList(
      fields.lines.map((line) => buildLine(id, subscription, line)),
      `/v1/invoices/${id}/lines`,
    ),
    metadata: {},
    parent: {
      quote_details: null,
      subscription_details: { metadata: subscription.metadata, subscription: subscription.id },
      type: "subscription_details",
    },
    period_end: fields.period.end,
    period_start: fields.period.start,
    starting_balance: customer.balance,
    subscription: subscription.id,
    subtotal: 0,
    subtotal_excluding_tax: 0,
    total: 0,
    total_excluding_tax: 0,
  };
  applyTotals(invoice, customer.address ?? null);
  return invoice;
}

export function createDraftInvoice(ctx: EmulatorContext, fields: NewInvoice): InvoiceObject {
  const invoice = ctx.store.invoices.put(buildInvoice(ctx, fields));
  // The balance is consumed (or a credit added) as soon as the invoice exists.
  fields.customer.balance = Math.min(0, invoice.total + invoice.starting_balance);
  invoice.ending_balance = fields.customer.balance;
  ctx.events.record("invoice.created", invoice);
  return invoice;
}

/** The line a one-off invoice item becomes on the draft it was added to. */
export function oneOffLine(invoiceId: string, item: InvoiceItemObject): InvoiceLineItemObject {
  return {
    id: newId("il"),
    object: "line_item",
    amount: item.amount,
    currency: item.currency,
    description: item.description,
    discount_amounts: [],
    discountable: item.discountable,
    discounts: [],
    invoice: invoiceId,
    livemode: false,
    metadata: item.metadata ?? {},
    parent: {
      type: "invoice_item_details",
      invoice_item_details: {
        invoice_item: item.id,
        proration: false,
        proration_details: { credited_items: null },
        subscription: null,
      },
      subscription_item_details: null,
    },
    period: { start: item.period.start, end: item.period.end },
    pretax_credit_amounts: [],
    pricing: null,
    quantity: item.quantity,
    quantity_decimal: String(item.quantity),
    subscription: null,
    subtotal: item.amount,
    taxes: [],
  };
}

import type Stripe from "stripe";
import type { EmulatorContext } from "./context";
import { newId } from "./ids";
import { embeddedList } from "./object-helpers";
import type { Period } from "./subscription-factory";
import type {
  CustomerObject,
  InvoiceLineItemObject,
  InvoiceObject,
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

/**
 * A draft invoice. The customer's balance is applied as Stripe does: a credit (negative balance)
 * lowers `amount_due`, and a negative total (a downgrade's proration) becomes a credit.
 */
function buildInvoice(ctx: EmulatorContext, fields: NewInvoice): InvoiceObject {
  const id = newId("in");
  const total = fields.lines.reduce((sum, line) => sum + line.amount, 0);
  const startingBalance = fields.customer.balance;
  const amountDue = Math.max(0, total + startingBalance);
  const { customer, subscription } = fields;
  return {
    id,
    object: "invoice",
    account_country: "US",
    account_name: "DonutWork (Stripe emulator)",
    account_tax_ids: null,
    amount_due: amountDue,
    amount_overpaid: 0,
    amount_paid: 0,
    amount_remaining: amountDue,
    amount_shipping: 0,
    application: null,
    attempt_count: 0,
    attempted: false,
    auto_advance: true,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null, provider: null, status: null },
    automatically_finalizes_at: null,
    billing_reason: fields.billingReason,
    collection_method: "charge_automatically",
    created: ctx.clock.now(),
    currency: subscription.currency,
    custom_fields: null,
    customer: customer.id,
    customer_account: null,
    customer_address: null,
    customer_email: customer.email,
    customer_name: customer.name ?? null,
    customer_phone: customer.phone ?? null,
    customer_shipping: null,
    customer_tax_exempt: "none",
    customer_tax_ids: [],
    default_payment_method: null,
    default_source: null,
    default_tax_rates: [],
    description: null,
    discounts: [],
    due_date: null,
    effective_at: null,
    ending_balance: null,
    footer: null,
    from_invoice: null,
    hosted_invoice_url: null,
    invoice_pdf: null,
    issuer: { type: "self" },
    last_finalization_error: null,
    latest_revision: null,
    lines: embeddedList(
      fields.lines.map((line) => buildLine(id, subscription, line)),
      `/v1/invoices/${id}/lines`,
    ),
    livemode: false,
    metadata: {},
    next_payment_attempt: null,
    number: null,
    on_behalf_of: null,
    parent: {
      quote_details: null,
      subscription_details: { metadata: subscription.metadata, subscription: subscription.id },
      type: "subscription_details",
    },
    payment_intent: null,
    payment_settings: { default_mandate: null, payment_method_options: null, payment_method_types: null },
    period_end: fields.period.end,
    period_start: fields.period.start,
    post_payment_credit_notes_amount: 0,
    pre_payment_credit_notes_amount: 0,
    receipt_number: null,
    rendering: null,
    shipping_cost: null,
    shipping_details: null,
    starting_balance: startingBalance,
    statement_descriptor: null,
    status: "draft",
    status_transitions: { finalized_at: null, marked_uncollectible_at: null, paid_at: null, voided_at: null },
    subscription: subscription.id,
    subtotal: total,
    subtotal_excluding_tax: total,
    test_clock: null,
    total,
    total_discount_amounts: [],
    total_excluding_tax: total,
    total_pretax_credit_amounts: [],
    total_taxes: [],
    webhooks_delivered_at: null,
  };
}

export function createDraftInvoice(ctx: EmulatorContext, fields: NewInvoice): InvoiceObject {
  const invoice = ctx.store.invoices.put(buildInvoice(ctx, fields));
  // The balance is consumed (or a credit added) as soon as the invoice exists.
  fields.customer.balance = Math.min(0, invoice.total + invoice.starting_balance);
  invoice.ending_balance = fields.customer.balance;
  ctx.events.record("invoice.created", invoice);
  return invoice;
}

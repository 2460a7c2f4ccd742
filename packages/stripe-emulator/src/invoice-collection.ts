import type Stripe from "stripe";
import { confirmPaymentIntent, createPaymentIntent } from "./card-payments";
import type { EmulatorContext } from "./context";
import type { StripeApiError } from "./errors";
import { hostedInvoiceUrl, invoicePdfUrl } from "./invoice-links";
import { applyTotals } from "./invoice-totals";
import type { CustomerObject, InvoiceObject, PaymentIntentObject } from "./types";

/**
 * Draft → open: the invoice gets its number (`<customer prefix>-0001`), the customer's name,
 * email and address as they are now (Stripe prints these, not later changes), its tax from that
 * address, its hosted page and PDF, and can be paid.
 */
export function finalizeInvoice(
  ctx: EmulatorContext,
  invoice: InvoiceObject,
  customer: CustomerObject,
): void {
  const sequence = customer.next_invoice_sequence ?? 1;
  customer.next_invoice_sequence = sequence + 1;
  const now = ctx.clock.now();
  invoice.number = `${customer.invoice_prefix}-${String(sequence).padStart(4, "0")}`;
  invoice.customer_name = customer.name ?? null;
  invoice.customer_email = customer.email;
  invoice.customer_phone = customer.phone ?? null;
  invoice.customer_address = customer.address ? { ...customer.address } : null;
  applyTotals(invoice, customer.address ?? null);
  invoice.status = "open";
  invoice.status_transitions.finalized_at = now;
  invoice.effective_at = now;
  invoice.hosted_invoice_url = hostedInvoiceUrl(ctx, invoice);
  invoice.invoice_pdf = invoicePdfUrl(ctx, invoice);
  ctx.events.record("invoice.finalized", invoice);
}

const PAYMENT_DESCRIPTIONS: Partial<Record<Stripe.Invoice.BillingReason, string>> = {
  subscription_create: "Subscription creation",
  subscription_cycle: "Subscription cycle",
  subscription_update: "Subscription update",
  manual: "Payment for Invoice",
};

/**
 * The invoice's payment intent, reused across attempts as in Stripe (a retry with another card
 * confirms the same intent again).
 */
function paymentIntentFor(
  ctx: EmulatorContext,
  invoice: InvoiceObject,
  paymentMethod: string | null,
): PaymentIntentObject {
  const existing = invoice.payment_intent ? ctx.store.paymentIntents.find(invoice.payment_intent) : undefined;
  if (existing?.status === "requires_payment_method" || existing?.status === "requires_confirmation") {
    existing.payment_method = paymentMethod ?? existing.payment_method;
    existing.status = existing.payment_method ? "requires_confirmation" : "requires_payment_method";
    return existing;
  }
  const intent = createPaymentIntent(ctx, {
    amount: invoice.amount_remaining,
    currency: invoice.currency,
    customer: invoice.customer as string,
    paymentMethod,
    description: PAYMENT_DESCRIPTIONS[invoice.billing_reason ?? "manual"] ?? null,
    metadata: {},
    paymentMethodTypes: ["card"],
  });
  invoice.payment_intent = intent.id;
  return intent;
}

/** `decline` is the card error Stripe would answer, or nothing when there was no card to charge. */
export type CollectionOutcome = { paid: true } | { paid: false; decline: StripeApiError | undefined };

/**
 * Charges an open invoice automatically. Nothing to pay marks it paid at once; otherwise the card
 * is charged and the invoice is paid, or stays open with `invoice.payment_failed`.
 */
export function collectInvoice(
  ctx: EmulatorContext,
  invoice: InvoiceObject,
  paymentMethod: string | null,
): CollectionOutcome {
  if (invoice.amount_remaining === 0) {
    markPaid(ctx, invoice);
    return { paid: true };
  }
  invoice.attempted = true;
  invoice.attempt_count += 1;
  if (!paymentMethod) {
    ctx.events.record("invoice.payment_failed", invoice);
    return { paid: false, decline: undefined };
  }
  const intent = paymentIntentFor(ctx, invoice, paymentMethod);
  const outcome = confirmPaymentIntent(ctx, intent);
  if (!outcome.ok) {
    ctx.events.record("invoice.payment_failed", invoice);
    return { paid: false, decline: outcome.error };
  }
  recordPayment(ctx, invoice, intent.amount);
  return { paid: true };
}

/**
 * For `payment_behavior=default_incomplete`: the invoice's payment intent is created but left for
 * the integration to confirm (see `settleInvoiceOfIntent`).
 */
export function prepareInvoicePayment(
  ctx: EmulatorContext,
  invoice: InvoiceObject,
  paymentMethod: string | null,
): void {
  if (invoice.amount_remaining > 0) paymentIntentFor(ctx, invoice, paymentMethod);
}

/** When an invoice's payment intent is confirmed directly, the invoice is paid by it. */
export function settleInvoiceOfIntent(
  ctx: EmulatorContext,
  intent: PaymentIntentObject,
): InvoiceObject | undefined {
  if (intent.status !== "succeeded") return undefined;
  const invoice = ctx.store.invoices.all().find((candidate) => candidate.payment_intent === intent.id);
  if (invoice?.status !== "open") return undefined;
  recordPayment(ctx, invoice, intent.amount);
  return invoice;
}

function recordPayment(ctx: EmulatorContext, invoice: InvoiceObject, amount: number): void {
  invoice.amount_paid += amount;
  invoice.amount_remaining = Math.max(0, invoice.amount_remaining - amount);
  markPaid(ctx, invoice);
}

function markPaid(ctx: EmulatorContext, invoice: InvoiceObject): void {
  invoice.status = "paid";
  invoice.auto_advance = false;
  invoice.status_transitions.paid_at = ctx.clock.now();
  ctx.events.record("invoice.paid", invoice);
  ctx.events.record("invoice.payment_succeeded", invoice);
}

import type Stripe from "stripe";
import type { EmulatorContext } from "./context";
import { paginate } from "./list";
import { apiRoute, type Route } from "./router";
import type { InvoiceObject } from "./types";

type InvoicePaymentObject = Stripe.InvoicePayment;

/**
 * `GET /v1/invoice_payments?invoice=`: how current API versions tell which PaymentIntent paid
 * (or tried to pay) an invoice, now that `invoice.payment_intent` is gone. The emulator's invoice
 * has one payment intent at most, so its payment is derived from it, with a stable id.
 */
function paymentOf(ctx: EmulatorContext, invoice: InvoiceObject): InvoicePaymentObject | undefined {
  if (!invoice.payment_intent) return undefined;
  const intent = ctx.store.paymentIntents.find(invoice.payment_intent);
  const paid = invoice.status === "paid";
  return {
    id: `inpay_${invoice.id.slice("in_".length)}`,
    object: "invoice_payment",
    amount_paid: paid ? invoice.amount_paid : null,
    amount_requested: intent?.amount ?? invoice.amount_due,
    created: intent?.created ?? invoice.created,
    currency: invoice.currency,
    invoice: invoice.id,
    is_default: true,
    livemode: false,
    payment: { type: "payment_intent", payment_intent: invoice.payment_intent },
    status: paid ? "paid" : intent?.status === "canceled" ? "canceled" : "open",
    status_transitions: {
      canceled_at: intent?.canceled_at ?? null,
      paid_at: invoice.status_transitions.paid_at,
    },
  };
}

export const invoicePaymentRoutes: Route[] = [
  apiRoute("GET", "/v1/invoice_payments", (ctx, { params }) => {
    const invoiceId = params.string("invoice");
    const invoices = invoiceId ? [ctx.store.invoices.get(invoiceId, "invoice")] : ctx.store.invoices.all();
    const payments = invoices.flatMap((invoice) => paymentOf(ctx, invoice) ?? []);
    return paginate(payments, params, "/v1/invoice_payments");
  }),
];

import type { EmulatorContext } from "./context";
import { invalidRequest } from "./errors";
import { collectInvoice, finalizeInvoice } from "./invoice-collection";
import { createdFilter, paginate } from "./list";
import type { Params } from "./params";
import { resolvePaymentMethod } from "./payment-methods";
import { apiRoute, type Route } from "./router";
import { paymentMethodFor, reactivateAfterPayment } from "./subscription-billing";
import type { InvoiceObject } from "./types";

function listInvoices(ctx: EmulatorContext, params: Params) {
  const customer = params.string("customer");
  const subscription = params.string("subscription");
  const status = params.string("status");
  const created = createdFilter(params);
  const invoices = ctx.store.invoices.list(
    (invoice) =>
      (!customer || invoice.customer === customer) &&
      (!subscription || invoice.subscription === subscription) &&
      (!status || invoice.status === status) &&
      created(invoice),
  );
  return paginate(invoices, params, "/v1/invoices");
}

/** The card for a manual payment: the one given, else the subscription's or customer's default. */
function cardForPayment(ctx: EmulatorContext, invoice: InvoiceObject, params: Params): string | null {
  const given = params.string("payment_method");
  if (given) return resolvePaymentMethod(ctx, given).id;
  const subscription = invoice.subscription ? ctx.store.subscriptions.find(invoice.subscription) : undefined;
  if (subscription) return paymentMethodFor(ctx, subscription);
  return ctx.store.customers.find(invoice.customer as string)?.invoice_settings.default_payment_method as
    | string
    | null;
}

/** `POST /v1/invoices/:id/pay`: pays an open invoice now; a decline answers 402 like Stripe. */
function payInvoice(ctx: EmulatorContext, invoice: InvoiceObject, params: Params): InvoiceObject {
  if (invoice.status === "paid")
    throw invalidRequest("Invoice is already paid", { code: "invoice_already_paid" });
  if (invoice.status === "void" || invoice.status === "uncollectible") {
    throw invalidRequest(`You cannot pay an invoice with status ${invoice.status}.`, {
      code: "invoice_not_editable",
    });
  }
  if (invoice.status === "draft")
    finalizeInvoice(ctx, invoice, ctx.store.customers.get(invoice.customer as string, "customer"));
  const outcome = collectInvoice(ctx, invoice, cardForPayment(ctx, invoice, params));
  if (!outcome.paid) {
    throw (
      outcome.decline ??
      invalidRequest("This invoice has no payment method to charge.", {
        code: "invoice_no_payment_method_types",
      })
    );
  }
  reactivateAfterPayment(ctx, invoice);
  return invoice;
}

export const invoiceRoutes: Route[] = [
  apiRoute("GET", "/v1/invoices/:id", (ctx, request) =>
    ctx.store.invoices.get(request.pathParam("id"), "invoice"),
  ),
  apiRoute("GET", "/v1/invoices/:id/lines", (ctx, request) => {
    const invoice = ctx.store.invoices.get(request.pathParam("id"), "invoice");
    return paginate([...invoice.lines.data], request.params, invoice.lines.url);
  }),
  apiRoute("POST", "/v1/invoices/:id/pay", (ctx, request) =>
    payInvoice(ctx, ctx.store.invoices.get(request.pathParam("id"), "invoice"), request.params),
  ),
  apiRoute("GET", "/v1/invoices", (ctx, { params }) => listInvoices(ctx, params)),
];

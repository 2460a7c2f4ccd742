import type Stripe from "stripe";
import type { EmulatorContext } from "./context";
import { invalidParam, invalidRequest } from "./errors";
import { collectInvoice, finalizeInvoice } from "./invoice-collection";
import { createOneOffInvoice } from "./invoice-factory";
import { attachPendingItems } from "./invoice-items";
import { createdFilter, paginate } from "./list";
import { readCurrency } from "./money";
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

/**
 * The card for a manual payment: the one given, else the invoice's, the subscription's or the
 * customer's default.
 */
function cardForPayment(ctx: EmulatorContext, invoice: InvoiceObject, params: Params): string | null {
  const given = params.string("payment_method");
  if (given) return resolvePaymentMethod(ctx, given).id;
  const own = invoice.default_payment_method;
  if (own) return typeof own === "string" ? own : own.id;
  const subscription = invoice.subscription ? ctx.store.subscriptions.find(invoice.subscription) : undefined;
  if (subscription) return paymentMethodFor(ctx, subscription);
  return ctx.store.customers.find(invoice.customer as string)?.invoice_settings.default_payment_method as
    | string
    | null;
}

const DAY_SECONDS = 24 * 60 * 60;

function readDueDate(ctx: EmulatorContext, params: Params, collection: Stripe.Invoice.CollectionMethod) {
  const dueDate = params.integer("due_date", { min: 1 });
  const days = params.integer("days_until_due", { min: 0 });
  if (collection !== "send_invoice") {
    const given = dueDate !== undefined ? "due_date" : days !== undefined ? "days_until_due" : undefined;
    if (given)
      throw invalidParam(
        given,
        `You may only specify \`${given}\` when \`collection_method\` is \`send_invoice\`.`,
      );
    return null;
  }
  if (dueDate !== undefined) return dueDate;
  if (days !== undefined) return ctx.clock.now() + days * DAY_SECONDS;
  throw invalidParam(
    "days_until_due",
    "Invoices with `collection_method=send_invoice` need `days_until_due` or `due_date`.",
  );
}

/**
 * `POST /v1/invoices`: a draft one-off invoice. As in Stripe's current API, pending items are left
 * out unless `pending_invoice_items_behavior=include`; items are added with `invoice=` instead.
 */
function createInvoice(ctx: EmulatorContext, params: Params): InvoiceObject {
  const customer = ctx.store.customers.get(params.requiredString("customer"), "customer");
  const collectionMethod =
    params.oneOf("collection_method", ["charge_automatically", "send_invoice"]) ?? "charge_automatically";
  const defaultPaymentMethod = params.string("default_payment_method");
  const invoice = createOneOffInvoice(ctx, {
    customer,
    currency: params.string("currency") ? readCurrency(params) : (customer.currency ?? "usd"),
    automaticTax: params.object("automatic_tax")?.boolean("enabled") ?? false,
    collectionMethod,
    autoAdvance: params.boolean("auto_advance") ?? false,
    dueDate: readDueDate(ctx, params, collectionMethod),
    defaultPaymentMethod: defaultPaymentMethod ? resolvePaymentMethod(ctx, defaultPaymentMethod).id : null,
    description: params.nullableString("description") ?? null,
    metadata: params.metadata() ?? {},
  });
  const pending = params.oneOf("pending_invoice_items_behavior", ["exclude", "include"]) ?? "exclude";
  if (pending === "include") attachPendingItems(ctx, invoice, customer);
  return invoice;
}

/** `POST /v1/invoices/:id/finalize`: draft → open; a finalized invoice cannot be finalized again. */
function finalizeDraft(ctx: EmulatorContext, invoice: InvoiceObject): InvoiceObject {
  if (invoice.status !== "draft") {
    throw invalidRequest(`This invoice is already finalized, you can't re-finalize a non-draft invoice.`, {
      code: "invoice_not_editable",
    });
  }
  finalizeInvoice(ctx, invoice, ctx.store.customers.get(invoice.customer as string, "customer"));
  // Nothing to pay (a zero invoice) is paid at once, as in Stripe.
  if (invoice.amount_remaining === 0) collectInvoice(ctx, invoice, null);
  return invoice;
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

/**
 * `POST /v1/invoices/:id/void` and `/mark_uncollectible`: an open invoice is settled without
 * payment (void: issued in error; uncollectible: written off, as Stripe's own dunning does at
 * its end). A void invoice can never be paid again; both send their event.
 */
function closeUnpaid(
  ctx: EmulatorContext,
  invoice: InvoiceObject,
  to: "void" | "uncollectible",
): InvoiceObject {
  const allowed = to === "void" ? ["open", "uncollectible"] : ["open"];
  if (!allowed.includes(invoice.status ?? "draft")) {
    throw invalidRequest(`You cannot mark an invoice with status ${invoice.status} as ${to}.`, {
      code: "invoice_not_editable",
    });
  }
  invoice.status = to;
  const now = ctx.clock.now();
  if (to === "void") invoice.status_transitions.voided_at = now;
  else invoice.status_transitions.marked_uncollectible_at = now;
  ctx.events.record(to === "void" ? "invoice.voided" : "invoice.marked_uncollectible", invoice);
  return invoice;
}

export const invoiceRoutes: Route[] = [
  apiRoute("POST", "/v1/invoices", (ctx, request) => createInvoice(ctx, request.params)),
  apiRoute("POST", "/v1/invoices/:id/finalize", (ctx, request) =>
    finalizeDraft(ctx, ctx.store.invoices.get(request.pathParam("id"), "invoice")),
  ),
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
  apiRoute("POST", "/v1/invoices/:id/void", (ctx, request) =>
    closeUnpaid(ctx, ctx.store.invoices.get(request.pathParam("id"), "invoice"), "void"),
  ),
  apiRoute("POST", "/v1/invoices/:id/mark_uncollectible", (ctx, request) =>
    closeUnpaid(ctx, ctx.store.invoices.get(request.pathParam("id"), "invoice"), "uncollectible"),
  ),
  apiRoute("GET", "/v1/invoices", (ctx, { params }) => listInvoices(ctx, params)),
];

import type { EmulatorContext } from "./context";
import { invalidParam } from "./errors";
import { newId } from "./ids";
import { oneOffLine } from "./invoice-factory";
import { applyTotals } from "./invoice-totals";
import { paginate } from "./list";
import { normaliseCurrency } from "./money";
import type { Params } from "./params";
import { apiRoute, type Route } from "./router";
import type { Period } from "./subscription-factory";
import type { CustomerObject, InvoiceItemObject, InvoiceObject, PriceObject } from "./types";

export interface NewInvoiceItem {
  customer: string;
  subscription: string;
  subscriptionItem: string;
  price: PriceObject;
  /** Signed: a proration credit is negative. */
  amount: number;
  quantity: number;
  description: string;
  period: Period;
  proration: boolean;
}

function buildInvoiceItem(ctx: EmulatorContext, fields: NewInvoiceItem): InvoiceItemObject {
  return {
    id: newId("ii"),
    object: "invoiceitem",
    amount: fields.amount,
    currency: fields.price.currency,
    customer: fields.customer,
    customer_account: null,
    date: ctx.clock.now(),
    description: fields.description,
    discountable: !fields.proration,
    discounts: [],
    invoice: null,
    livemode: false,
    metadata: {},
    net_amount: fields.amount,
    parent: {
      subscription_details: { subscription: fields.subscription, subscription_item: fields.subscriptionItem },
      type: "subscription_details",
    },
    period: { start: fields.period.start, end: fields.period.end },
    pricing: {
      price_details: { price: fields.price.id, product: fields.price.product as string },
      type: "price_details",
      unit_amount_decimal: null,
    },
    proration: fields.proration,
    quantity: fields.quantity,
    quantity_decimal: String(fields.quantity),
    tax_rates: [],
    test_clock: null,
  };
}

/** A pending item: it waits (`invoice: null`) for the subscription's next invoice. */
export function createInvoiceItem(ctx: EmulatorContext, fields: NewInvoiceItem): InvoiceItemObject {
  const item = ctx.store.invoiceItems.put(buildInvoiceItem(ctx, fields));
  ctx.events.record("invoiceitem.created", item);
  return item;
}

export function pendingItemsOf(ctx: EmulatorContext, subscriptionId: string): InvoiceItemObject[] {
  return ctx.store.invoiceItems
    .all()
    .filter(
      (item) => item.invoice === null && item.parent?.subscription_details?.subscription === subscriptionId,
    );
}

/**
 * `POST /v1/invoiceitems` with an `amount`: a one-off item, added at once to the draft `invoice`
 * when one is given (as Stripe recommends for one-off invoices), else pending for the customer.
 */
function createOneOffItem(ctx: EmulatorContext, params: Params): InvoiceItemObject {
  const customer = ctx.store.customers.get(params.requiredString("customer"), "customer");
  const invoiceId = params.string("invoice");
  const invoice = invoiceId ? ctx.store.invoices.get(invoiceId, "invoice") : undefined;
  if (invoice && invoice.customer !== customer.id)
    throw invalidParam("invoice", `Invoice ${invoice.id} belongs to another customer.`);
  if (invoice && invoice.status !== "draft")
    throw invalidParam(
      "invoice",
      `You can only add invoice items to draft invoices; ${invoice.id} is ${invoice.status}.`,
    );
  const amount = params.requiredInteger("amount");
  const given = params.string("currency");
  const currency = given ? normaliseCurrency(given) : invoice?.currency;
  if (!currency) throw invalidParam("currency", "Missing required param: currency.");
  if (invoice && currency !== invoice.currency)
    throw invalidParam("currency", `The currency must be ${invoice.currency}, the invoice's currency.`);
  const now = ctx.clock.now();
  const item = ctx.store.invoiceItems.put({
    id: newId("ii"),
    object: "invoiceitem",
    amount,
    currency,
    customer: customer.id,
    customer_account: null,
    date: now,
    description: params.nullableString("description") ?? null,
    discountable: true,
    discounts: [],
    invoice: invoice?.id ?? null,
    livemode: false,
    metadata: params.metadata() ?? {},
    net_amount: amount,
    parent: null,
    period: { start: now, end: now },
    pricing: null,
    proration: false,
    quantity: 1,
    quantity_decimal: "1",
    tax_rates: [],
    test_clock: null,
  });
  if (invoice) {
    invoice.lines.data.push(oneOffLine(invoice.id, item));
    applyTotals(invoice, customer.address ?? null);
  }
  ctx.events.record("invoiceitem.created", item);
  return item;
}

/** `pending_invoice_items_behavior=include`: the customer's pending one-off items join the draft. */
export function attachPendingItems(ctx: EmulatorContext, invoice: InvoiceObject, customer: CustomerObject) {
  const pending = ctx.store.invoiceItems
    .all()
    .filter((item) => item.invoice === null && item.parent === null && item.customer === customer.id);
  for (const item of pending) {
    item.invoice = invoice.id;
    invoice.lines.data.push(oneOffLine(invoice.id, item));
  }
  applyTotals(invoice, customer.address ?? null);
}

export const invoiceItemRoutes: Route[] = [
  apiRoute("POST", "/v1/invoiceitems", (ctx, request) => createOneOffItem(ctx, request.params)),
  apiRoute("GET", "/v1/invoiceitems/:id", (ctx, request) =>
    ctx.store.invoiceItems.get(request.pathParam("id"), "invoiceitem"),
  ),
  apiRoute("GET", "/v1/invoiceitems", (ctx, { params }) => {
    const customer = params.string("customer");
    const invoice = params.string("invoice");
    const pending = params.boolean("pending");
    const items = ctx.store.invoiceItems.list(
      (item) =>
        (!customer || item.customer === customer) &&
        (!invoice || item.invoice === invoice) &&
        (pending === undefined || (item.invoice === null) === pending),
    );
    return paginate(items, params, "/v1/invoiceitems");
  }),
];

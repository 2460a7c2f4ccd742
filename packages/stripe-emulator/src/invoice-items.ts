import type { EmulatorContext } from "./context";
import { newId } from "./ids";
import { paginate } from "./list";
import { apiRoute, type Route } from "./router";
import type { Period } from "./subscription-factory";
import type { InvoiceItemObject, PriceObject } from "./types";

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

export const invoiceItemRoutes: Route[] = [
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

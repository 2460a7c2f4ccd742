import type Stripe from "stripe";
import type { EmulatorContext } from "./context";
import { invalidParam, missingParam } from "./errors";
import { newId } from "./ids";
import { paginate } from "./list";
import { readCurrency } from "./money";
import type { Params } from "./params";
import { createProduct } from "./products";
import { apiRoute, type Route } from "./router";
import type { Metadata, PriceObject } from "./types";

export interface NewPrice {
  currency: string;
  unitAmount: number;
  product: string;
  recurring: { interval: Stripe.Price.Recurring.Interval; intervalCount: number } | null;
  metadata: Metadata;
  nickname: string | null;
  /** Prices made from `price_data` are inactive in Stripe: they belong to one subscription item. */
  active: boolean;
}

export function buildPrice(ctx: EmulatorContext, fields: NewPrice): PriceObject {
  return {
    id: newId("price"),
    object: "price",
    active: fields.active,
    billing_scheme: "per_unit",
    created: ctx.clock.now(),
    currency: fields.currency,
    custom_unit_amount: null,
    livemode: false,
    lookup_key: null,
    metadata: fields.metadata,
    nickname: fields.nickname,
    product: fields.product,
    recurring: fields.recurring && {
      interval: fields.recurring.interval,
      interval_count: fields.recurring.intervalCount,
      meter: null,
      trial_period_days: null,
      usage_type: "licensed",
    },
    tax_behavior: "unspecified",
    tiers_mode: null,
    transform_quantity: null,
    type: fields.recurring ? "recurring" : "one_time",
    unit_amount: fields.unitAmount,
    unit_amount_decimal: String(fields.unitAmount),
  };
}

function readRecurring(params: Params, required: boolean): NewPrice["recurring"] {
  const recurring = params.object("recurring");
  if (!recurring) {
    if (required) throw missingParam(params.pathOf("recurring"));
    return null;
  }
  const interval = recurring.oneOf("interval", ["day", "week", "month", "year"]);
  if (!interval) throw missingParam(recurring.pathOf("interval"));
  return { interval, intervalCount: recurring.integer("interval_count", { min: 1 }) ?? 1 };
}

/**
 * Reads `unit_amount`, `currency`, `recurring[…]` and the product, from `POST /v1/prices` or from an
 * inline `price_data`. Subscription items' `price_data` must name an existing `product`, as in
 * Stripe; `POST /v1/prices` may create one from `product_data[name]`.
 */
export function createPriceFrom(
  ctx: EmulatorContext,
  params: Params,
  options: { inline: boolean; recurringRequired: boolean },
): PriceObject {
  const unitAmount = params.requiredInteger("unit_amount", { min: 0 });
  const currency = readCurrency(params);
  const recurring = readRecurring(params, options.recurringRequired);
  const productData = options.inline ? undefined : params.object("product_data");
  const productId = params.string("product");
  if (!productId && !productData) throw missingParam(params.pathOf("product"));
  if (productId && productData) {
    throw invalidParam(
      params.pathOf("product_data"),
      "You may only specify one of these parameters: product, product_data.",
    );
  }
  const product = productId
    ? ctx.store.products.get(productId, params.pathOf("product"))
    : createProduct(ctx, productData as Params);
  const price = ctx.store.prices.put(
    buildPrice(ctx, {
      currency,
      unitAmount,
      product: product.id,
      recurring,
      metadata: options.inline ? {} : (params.metadata() ?? {}),
      nickname: options.inline ? null : (params.string("nickname") ?? null),
      active: !options.inline,
    }),
  );
  if (!options.inline) ctx.events.record("price.created", price);
  return price;
}

export const priceRoutes: Route[] = [
  apiRoute("POST", "/v1/prices", (ctx, request) =>
    createPriceFrom(ctx, request.params, { inline: false, recurringRequired: false }),
  ),
  apiRoute("GET", "/v1/prices/:id", (ctx, request) => ctx.store.prices.get(request.pathParam("id"), "price")),
  apiRoute("GET", "/v1/prices", (ctx, { params }) => {
    const product = params.string("product");
    const active = params.boolean("active");
    const prices = ctx.store.prices.list(
      (price) => (!product || price.product === product) && (active === undefined || price.active === active),
    );
    return paginate(prices, params, "/v1/prices");
  }),
];

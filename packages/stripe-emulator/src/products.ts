import type { EmulatorContext } from "./context";
import { newId } from "./ids";
import { paginate } from "./list";
import type { Params } from "./params";
import { apiRoute, type Route } from "./router";
import type { ProductObject } from "./types";

export function buildProduct(ctx: EmulatorContext, params: Params): ProductObject {
  const now = ctx.clock.now();
  return {
    id: params.string("id") ?? newId("prod"),
    object: "product",
    active: params.boolean("active") ?? true,
    created: now,
    default_price: null,
    description: params.nullableString("description") ?? null,
    images: [],
    livemode: false,
    marketing_features: [],
    metadata: params.metadata() ?? {},
    name: params.requiredString("name"),
    package_dimensions: null,
    shippable: null,
    statement_descriptor: null,
    tax_code: null,
    type: "service",
    unit_label: null,
    updated: now,
    url: null,
  };
}

/** Used by `POST /v1/products` and by `product_data` on prices. */
export function createProduct(ctx: EmulatorContext, params: Params): ProductObject {
  const product = ctx.store.products.put(buildProduct(ctx, params));
  ctx.events.record("product.created", product);
  return product;
}

export const productRoutes: Route[] = [
  apiRoute("POST", "/v1/products", (ctx, request) => createProduct(ctx, request.params)),
  apiRoute("GET", "/v1/products/:id", (ctx, request) =>
    ctx.store.products.get(request.pathParam("id"), "id"),
  ),
  apiRoute("GET", "/v1/products", (ctx, { params }) => {
    const active = params.boolean("active");
    const products = ctx.store.products.list((product) => active === undefined || product.active === active);
    return paginate(products, params, "/v1/products");
  }),
];

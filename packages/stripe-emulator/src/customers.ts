import type { EmulatorContext } from "./context";
import { addressParam } from "./customer-address";
import { invalidParam } from "./errors";
import { newId, randomToken } from "./ids";
import { createdFilter, paginate } from "./list";
import { snapshot } from "./object-helpers";
import { mergeMetadata, type Params } from "./params";
import { attachPaymentMethod, resolvePaymentMethod } from "./payment-methods";
import { apiRoute, type Route } from "./router";
import { cancelSubscriptionNow } from "./subscription-lifecycle";
import type { CustomerObject, DeletedCustomerObject } from "./types";

export function buildCustomer(ctx: EmulatorContext, params: Params): CustomerObject {
  return {
    id: newId("cus"),
    object: "customer",
    address: addressParam(params, null) ?? null,
    balance: 0,
    created: ctx.clock.now(),
    currency: null,
    default_source: null,
    delinquent: false,
    description: params.nullableString("description") ?? null,
    discount: null,
    email: params.nullableString("email") ?? null,
    invoice_prefix: randomToken(8).toUpperCase(),
    invoice_settings: {
      custom_fields: null,
      default_payment_method: null,
      footer: null,
      rendering_options: null,
    },
    livemode: false,
    metadata: params.metadata() ?? {},
    name: params.nullableString("name") ?? null,
    next_invoice_sequence: 1,
    phone: params.nullableString("phone") ?? null,
    preferred_locales: [],
    shipping: null,
    tax_exempt: "none",
    test_clock: null,
  };
}

/** A customer that exists and is not deleted; `param` names the request field for the 404. */
export function getCustomer(ctx: EmulatorContext, id: string, param = "customer"): CustomerObject {
  return ctx.store.customers.get(id, param);
}

function createCustomer(ctx: EmulatorContext, params: Params): CustomerObject {
  const paymentMethodId = params.string("payment_method");
  const paymentMethod = paymentMethodId ? resolvePaymentMethod(ctx, paymentMethodId) : undefined;
  // A new customer has no cards yet, so only the one attached by this request can be its default.
  const defaultPaymentMethod = params.object("invoice_settings")?.nullableString("default_payment_method");
  if (defaultPaymentMethod && defaultPaymentMethod !== paymentMethodId)
    throw notAttached(defaultPaymentMethod);

  const customer = ctx.store.customers.put(buildCustomer(ctx, params));
  if (defaultPaymentMethod && paymentMethod) {
    customer.invoice_settings.default_payment_method = paymentMethod.id;
  }
  ctx.events.record("customer.created", customer);
  if (paymentMethod) attachPaymentMethod(ctx, paymentMethod, customer);
  return customer;
}

function updateCustomer(ctx: EmulatorContext, customer: CustomerObject, params: Params): CustomerObject {
  const before = snapshot(customer);
  for (const field of ["email", "name", "description", "phone"] as const) {
    const value = params.nullableString(field);
    if (value !== undefined) customer[field] = value;
  }
  const address = addressParam(params, customer.address ?? null);
  if (address !== undefined) customer.address = address;
  customer.metadata = mergeMetadata(customer.metadata, params.metadata());
  const defaultPaymentMethod = params.object("invoice_settings")?.nullableString("default_payment_method");
  if (defaultPaymentMethod !== undefined) {
    if (defaultPaymentMethod !== null) assertAttachedTo(ctx, defaultPaymentMethod, customer);
    customer.invoice_settings.default_payment_method = defaultPaymentMethod;
  }
  ctx.events.recordUpdate("customer.updated", before, customer);
  return customer;
}

function assertAttachedTo(ctx: EmulatorContext, paymentMethodId: string, customer: CustomerObject): void {
  const paymentMethod = ctx.store.paymentMethods.find(paymentMethodId);
  if (paymentMethod?.customer !== customer.id) throw notAttached(paymentMethodId);
}

function notAttached(paymentMethodId: string) {
  return invalidParam(
    "invoice_settings[default_payment_method]",
    `No such PaymentMethod: '${paymentMethodId}'. The payment method must be attached to the customer.`,
  );
}

/** Deleting a customer cancels its subscriptions and detaches its cards, as in Stripe. */
function deleteCustomer(ctx: EmulatorContext, customer: CustomerObject): DeletedCustomerObject {
  for (const subscription of ctx.store.subscriptions.list((sub) => sub.customer === customer.id)) {
    if (subscription.status !== "canceled" && subscription.status !== "incomplete_expired") {
      cancelSubscriptionNow(ctx, subscription);
    }
  }
  for (const paymentMethod of ctx.store.paymentMethods.list((pm) => pm.customer === customer.id)) {
    paymentMethod.customer = null;
  }
  ctx.store.customers.remove(customer.id);
  ctx.store.state.deletedCustomerIds.push(customer.id);
  ctx.events.record("customer.deleted", customer);
  return deletedCustomer(customer.id);
}

function deletedCustomer(id: string): DeletedCustomerObject {
  return { id, object: "customer", deleted: true };
}

export const customerRoutes: Route[] = [
  apiRoute("POST", "/v1/customers", (ctx, request) => createCustomer(ctx, request.params)),
  apiRoute("GET", "/v1/customers/:id", (ctx, request) => {
    const id = request.pathParam("id");
    if (ctx.store.state.deletedCustomerIds.includes(id)) return deletedCustomer(id);
    return getCustomer(ctx, id, "id");
  }),
  apiRoute("POST", "/v1/customers/:id", (ctx, request) =>
    updateCustomer(ctx, getCustomer(ctx, request.pathParam("id"), "id"), request.params),
  ),
  apiRoute("DELETE", "/v1/customers/:id", (ctx, request) =>
    deleteCustomer(ctx, getCustomer(ctx, request.pathParam("id"), "id")),
  ),
  apiRoute("GET", "/v1/customers", (ctx, { params }) => {
    const email = params.string("email");
    const created = createdFilter(params);
    const customers = ctx.store.customers.list(
      (customer) => (!email || customer.email === email) && created(customer),
    );
    return paginate(customers, params, "/v1/customers");
  }),
];

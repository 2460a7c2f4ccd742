import type { EmulatorContext } from "./context";
import { cardError, invalidRequest } from "./errors";
import { newId } from "./ids";
import { paginate } from "./list";
import { emptyAddress, snapshot } from "./object-helpers";
import { mergeMetadata, type Params } from "./params";
import { apiRoute, type Route } from "./router";
import { type CardExpiry, checkTestCard, TEST_PAYMENT_METHOD_NUMBERS, type TestCard } from "./test-cards";
import type { CustomerObject, PaymentMethodObject } from "./types";

export function buildCardPaymentMethod(
  ctx: EmulatorContext,
  card: TestCard,
  expiry: CardExpiry,
  billingName: string | null,
): PaymentMethodObject {
  return {
    id: newId("pm"),
    object: "payment_method",
    allow_redisplay: "unspecified",
    billing_details: { address: emptyAddress(), email: null, name: billingName, phone: null, tax_id: null },
    card: {
      brand: card.brand,
      checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: "pass" },
      country: card.country,
      display_brand: card.brand,
      exp_month: expiry.month,
      exp_year: expiry.year,
      fingerprint: card.fingerprint,
      funding: card.funding,
      generated_from: null,
      last4: card.last4,
      networks: { available: [card.brand], preferred: null },
      regulated_status: "unregulated",
      three_d_secure_usage: { supported: true },
      wallet: null,
    },
    created: ctx.clock.now(),
    customer: null,
    customer_account: null,
    livemode: false,
    metadata: {},
    type: "card",
  };
}

/** Stores a card payment method and remembers how its test card behaves when charged. */
export function saveCardPaymentMethod(
  ctx: EmulatorContext,
  card: TestCard,
  expiry: CardExpiry,
  billingName: string | null = null,
): PaymentMethodObject {
  const paymentMethod = ctx.store.paymentMethods.put(buildCardPaymentMethod(ctx, card, expiry, billingName));
  ctx.store.state.cardBehaviours[paymentMethod.id] = card.behaviour;
  return paymentMethod;
}

/**
 * A stored payment method, or a fresh one for Stripe's `pm_card_visa`-style test ids, which in
 * Stripe test mode also create a new payment method each time they are used.
 */
export function resolvePaymentMethod(
  ctx: EmulatorContext,
  id: string,
  param = "payment_method",
): PaymentMethodObject {
  const testNumber = TEST_PAYMENT_METHOD_NUMBERS[id];
  if (!testNumber) return ctx.store.paymentMethods.get(id, param);
  const check = checkTestCard(testNumber);
  if (!check.ok) throw cardError(check, { param });
  const expiryYear = new Date(ctx.clock.now() * 1000).getUTCFullYear() + 3;
  return saveCardPaymentMethod(ctx, check.card, { month: 12, year: expiryYear });
}

export function attachPaymentMethod(
  ctx: EmulatorContext,
  paymentMethod: PaymentMethodObject,
  customer: CustomerObject,
): PaymentMethodObject {
  if (paymentMethod.customer === customer.id) return paymentMethod;
  if (paymentMethod.customer) {
    throw invalidRequest("The payment method you provided has already been attached to a customer.", {
      param: "payment_method",
    });
  }
  paymentMethod.customer = customer.id;
  ctx.events.record("payment_method.attached", paymentMethod);
  return paymentMethod;
}

/** Detaching the customer's default card also clears that default, as Stripe does. */
function detachPaymentMethod(ctx: EmulatorContext, paymentMethod: PaymentMethodObject): PaymentMethodObject {
  const customerId = paymentMethod.customer;
  if (!customerId) {
    throw invalidRequest(
      "The payment method you provided is not attached to a customer so detachment is impossible.",
    );
  }
  const before = snapshot(paymentMethod);
  paymentMethod.customer = null;
  ctx.events.record("payment_method.detached", paymentMethod, { customer: before.customer });
  const customer = ctx.store.customers.find(customerId as string);
  if (customer?.invoice_settings.default_payment_method === paymentMethod.id) {
    const customerBefore = snapshot(customer);
    customer.invoice_settings.default_payment_method = null;
    ctx.events.recordUpdate("customer.updated", customerBefore, customer);
  }
  return paymentMethod;
}

function updatePaymentMethod(ctx: EmulatorContext, paymentMethod: PaymentMethodObject, params: Params) {
  const before = snapshot(paymentMethod);
  const card = params.object("card");
  if (card && paymentMethod.card) {
    paymentMethod.card.exp_month = card.integer("exp_month", { min: 1 }) ?? paymentMethod.card.exp_month;
    paymentMethod.card.exp_year = card.integer("exp_year", { min: 2000 }) ?? paymentMethod.card.exp_year;
  }
  const billing = params.object("billing_details");
  if (billing) {
    for (const field of ["name", "email", "phone"] as const) {
      const value = billing.nullableString(field);
      if (value !== undefined) paymentMethod.billing_details[field] = value;
    }
  }
  paymentMethod.metadata = mergeMetadata(paymentMethod.metadata ?? {}, params.metadata());
  ctx.events.recordUpdate("payment_method.updated", before, paymentMethod);
  return paymentMethod;
}

function listForCustomer(ctx: EmulatorContext, customerId: string | undefined, params: Params, url: string) {
  const type = params.string("type");
  const paymentMethods = ctx.store.paymentMethods.list(
    (pm) => (customerId === undefined || pm.customer === customerId) && (!type || pm.type === type),
  );
  return paginate(paymentMethods, params, url);
}

export const paymentMethodRoutes: Route[] = [
  apiRoute("GET", "/v1/payment_methods/:id", (ctx, request) =>
    ctx.store.paymentMethods.get(request.pathParam("id"), "payment_method"),
  ),
  apiRoute("GET", "/v1/payment_methods", (ctx, { params }) =>
    listForCustomer(ctx, params.string("customer"), params, "/v1/payment_methods"),
  ),
  apiRoute("POST", "/v1/payment_methods/:id/attach", (ctx, request) => {
    const customer = ctx.store.customers.get(request.params.requiredString("customer"), "customer");
    return attachPaymentMethod(ctx, resolvePaymentMethod(ctx, request.pathParam("id")), customer);
  }),
  apiRoute("POST", "/v1/payment_methods/:id/detach", (ctx, request) =>
    detachPaymentMethod(ctx, ctx.store.paymentMethods.get(request.pathParam("id"), "payment_method")),
  ),
  apiRoute("POST", "/v1/payment_methods/:id", (ctx, request) =>
    updatePaymentMethod(
      ctx,
      ctx.store.paymentMethods.get(request.pathParam("id"), "payment_method"),
      request.params,
    ),
  ),
  apiRoute("GET", "/v1/customers/:id/payment_methods", (ctx, request) => {
    const customer = ctx.store.customers.get(request.pathParam("id"), "customer");
    return listForCustomer(ctx, customer.id, request.params, `/v1/customers/${customer.id}/payment_methods`);
  }),
  apiRoute("GET", "/v1/customers/:customer/payment_methods/:id", (ctx, request) => {
    const paymentMethod = ctx.store.paymentMethods.get(request.pathParam("id"), "payment_method");
    if (paymentMethod.customer !== request.pathParam("customer")) {
      throw invalidRequest(`No such PaymentMethod: '${paymentMethod.id}'`, { param: "payment_method" });
    }
    return paymentMethod;
  }),
];

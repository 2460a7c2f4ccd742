import { confirmPaymentIntent, createPaymentIntent } from "./card-payments";
import type { EmulatorContext } from "./context";
import { invalidParam, invalidRequest } from "./errors";
import { settleInvoiceOfIntent } from "./invoice-collection";
import { createdFilter, paginate } from "./list";
import { assertChargeableAmount, readCurrency } from "./money";
import type { Params } from "./params";
import { resolvePaymentMethod } from "./payment-methods";
import { apiRoute, type Route } from "./router";
import { reactivateAfterPayment } from "./subscription-billing";
import type { PaymentIntentObject } from "./types";

function readPaymentMethodTypes(params: Params): string[] {
  const types = params.stringList("payment_method_types");
  if (types.some((type) => type !== "card")) {
    throw invalidParam(
      "payment_method_types",
      "The Stripe emulator supports the card payment method type only.",
    );
  }
  return types.length > 0 ? types : ["card"];
}

/** Resolves `payment_method` and checks it may be charged for this customer. */
function readPaymentMethod(ctx: EmulatorContext, params: Params, customer: string | null): string | null {
  const id = params.string("payment_method");
  if (!id) return null;
  const paymentMethod = resolvePaymentMethod(ctx, id);
  if (paymentMethod.customer && paymentMethod.customer !== customer) {
    throw invalidParam(
      "payment_method",
      `The provided PaymentMethod ${paymentMethod.id} belongs to another customer.`,
    );
  }
  return paymentMethod.id;
}

function createIntent(ctx: EmulatorContext, params: Params): PaymentIntentObject {
  const amount = params.requiredInteger("amount", { min: 1 });
  const currency = readCurrency(params);
  assertChargeableAmount(amount, currency);
  const customer = params.string("customer") ?? null;
  if (customer) ctx.store.customers.get(customer, "customer");
  const confirm = params.boolean("confirm") ?? false;
  if (params.boolean("off_session") && !confirm) {
    throw invalidParam(
      "off_session",
      "You may only specify `off_session` when confirming the PaymentIntent (`confirm=true`).",
    );
  }
  const paymentMethod = readPaymentMethod(ctx, params, customer);
  if (confirm && !paymentMethod) {
    throw invalidRequest(
      "You cannot confirm this PaymentIntent because it's missing a payment method. To confirm the PaymentIntent with the customer's payment method, pass `payment_method`.",
      { code: "payment_intent_unexpected_state", param: "payment_method" },
    );
  }
  const intent = createPaymentIntent(ctx, {
    amount,
    currency,
    customer,
    paymentMethod,
    description: params.string("description") ?? null,
    metadata: params.metadata() ?? {},
    paymentMethodTypes: readPaymentMethodTypes(params),
  });
  return confirm ? confirmOrThrow(ctx, intent) : intent;
}

function confirmOrThrow(ctx: EmulatorContext, intent: PaymentIntentObject): PaymentIntentObject {
  const outcome = confirmPaymentIntent(ctx, intent);
  if (!outcome.ok) throw outcome.error;
  return intent;
}

function confirmIntent(
  ctx: EmulatorContext,
  intent: PaymentIntentObject,
  params: Params,
): PaymentIntentObject {
  if (intent.status !== "requires_confirmation" && intent.status !== "requires_payment_method") {
    throw unexpectedState(intent, "confirm");
  }
  const paymentMethod =
    readPaymentMethod(ctx, params, intent.customer as string | null) ?? intent.payment_method;
  if (!paymentMethod)
    throw invalidRequest("You must provide a payment method to confirm this PaymentIntent.", {
      param: "payment_method",
    });
  intent.payment_method = paymentMethod;
  confirmOrThrow(ctx, intent);
  // Confirming a subscription invoice's intent (`default_incomplete`) pays that invoice.
  const invoice = settleInvoiceOfIntent(ctx, intent);
  if (invoice) reactivateAfterPayment(ctx, invoice);
  return intent;
}

function cancelIntent(
  ctx: EmulatorContext,
  intent: PaymentIntentObject,
  params: Params,
): PaymentIntentObject {
  if (intent.status === "succeeded" || intent.status === "canceled") throw unexpectedState(intent, "cancel");
  intent.status = "canceled";
  intent.canceled_at = ctx.clock.now();
  intent.cancellation_reason =
    params.oneOf("cancellation_reason", ["duplicate", "fraudulent", "requested_by_customer", "abandoned"]) ??
    null;
  ctx.events.record("payment_intent.canceled", intent);
  return intent;
}

function unexpectedState(intent: PaymentIntentObject, action: string) {
  return invalidRequest(
    `You cannot ${action} this PaymentIntent because it has a status of ${intent.status}.`,
    { code: "payment_intent_unexpected_state" },
  );
}

export const paymentIntentRoutes: Route[] = [
  apiRoute("POST", "/v1/payment_intents", (ctx, request) => createIntent(ctx, request.params)),
  apiRoute("GET", "/v1/payment_intents/:id", (ctx, request) =>
    ctx.store.paymentIntents.get(request.pathParam("id"), "payment_intent"),
  ),
  apiRoute("POST", "/v1/payment_intents/:id/confirm", (ctx, request) =>
    confirmIntent(
      ctx,
      ctx.store.paymentIntents.get(request.pathParam("id"), "payment_intent"),
      request.params,
    ),
  ),
  apiRoute("POST", "/v1/payment_intents/:id/cancel", (ctx, request) =>
    cancelIntent(
      ctx,
      ctx.store.paymentIntents.get(request.pathParam("id"), "payment_intent"),
      request.params,
    ),
  ),
  apiRoute("GET", "/v1/payment_intents", (ctx, { params }) => {
    const customer = params.string("customer");
    const created = createdFilter(params);
    const intents = ctx.store.paymentIntents.list(
      (intent) => (!customer || intent.customer === customer) && created(intent),
    );
    return paginate(intents, params, "/v1/payment_intents");
  }),
];

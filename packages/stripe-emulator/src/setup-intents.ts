import type { EmulatorContext } from "./context";
import type { StripeErrorBody } from "./errors";
import { clientSecretFor, newId } from "./ids";
import { createdFilter, paginate } from "./list";
import { apiRoute, type Route } from "./router";
import type { Metadata, PaymentMethodObject, SetupIntentObject } from "./types";

export interface NewSetupIntent {
  customer: string | null;
  paymentMethodTypes: string[];
  description: string | null;
  metadata: Metadata;
}

export function buildSetupIntent(ctx: EmulatorContext, fields: NewSetupIntent): SetupIntentObject {
  const id = newId("seti");
  return {
    id,
    object: "setup_intent",
    application: null,
    automatic_payment_methods: null,
    cancellation_reason: null,
    client_secret: clientSecretFor(id),
    created: ctx.clock.now(),
    customer: fields.customer,
    description: fields.description,
    excluded_payment_method_types: null,
    flow_directions: null,
    last_setup_error: null,
    latest_attempt: null,
    livemode: false,
    mandate: null,
    metadata: fields.metadata,
    next_action: null,
    on_behalf_of: null,
    payment_method: null,
    payment_method_configuration_details: null,
    payment_method_options: {
      card: { mandate_options: null, network: null, request_three_d_secure: "automatic" },
    },
    payment_method_types: fields.paymentMethodTypes,
    single_use_mandate: null,
    status: "requires_payment_method",
    usage: "off_session",
  };
}

export function createSetupIntent(ctx: EmulatorContext, fields: NewSetupIntent): SetupIntentObject {
  const setupIntent = ctx.store.setupIntents.put(buildSetupIntent(ctx, fields));
  ctx.events.record("setup_intent.created", setupIntent);
  return setupIntent;
}

export function succeedSetupIntent(
  ctx: EmulatorContext,
  setupIntent: SetupIntentObject,
  paymentMethod: PaymentMethodObject,
): void {
  setupIntent.status = "succeeded";
  setupIntent.payment_method = paymentMethod.id;
  setupIntent.last_setup_error = null;
  setupIntent.latest_attempt = newId("setatt");
  ctx.events.record("setup_intent.succeeded", setupIntent);
}

/** A declined card leaves the intent waiting for another payment method, with the reason. */
export function failSetupIntent(
  ctx: EmulatorContext,
  setupIntent: SetupIntentObject,
  error: StripeErrorBody,
): void {
  setupIntent.status = "requires_payment_method";
  setupIntent.last_setup_error = {
    type: error.type === "card_error" ? "card_error" : "invalid_request_error",
    code: error.code,
    decline_code: error.decline_code,
    message: error.message,
    doc_url: error.doc_url,
  };
  setupIntent.latest_attempt = newId("setatt");
  ctx.events.record("setup_intent.setup_failed", setupIntent);
}

export function cancelSetupIntent(ctx: EmulatorContext, setupIntent: SetupIntentObject): void {
  if (setupIntent.status === "succeeded" || setupIntent.status === "canceled") return;
  setupIntent.status = "canceled";
  setupIntent.cancellation_reason = "abandoned";
  ctx.events.record("setup_intent.canceled", setupIntent);
}

export const setupIntentRoutes: Route[] = [
  apiRoute("GET", "/v1/setup_intents/:id", (ctx, request) =>
    ctx.store.setupIntents.get(request.pathParam("id"), "intent"),
  ),
  apiRoute("GET", "/v1/setup_intents", (ctx, { params }) => {
    const customer = params.string("customer");
    const paymentMethod = params.string("payment_method");
    const created = createdFilter(params);
    const setupIntents = ctx.store.setupIntents.list(
      (intent) =>
        (!customer || intent.customer === customer) &&
        (!paymentMethod || intent.payment_method === paymentMethod) &&
        created(intent),
    );
    return paginate(setupIntents, params, "/v1/setup_intents");
  }),
];

import type { DueWork } from "./clock";
import type { EmulatorContext } from "./context";
import { invalidParam, invalidRequest } from "./errors";
import { newCheckoutSessionId } from "./ids";
import { createdFilter, paginate } from "./list";
import { normaliseCurrency } from "./money";
import type { Params } from "./params";
import { apiRoute, type Route } from "./router";
import { cancelSetupIntent, createSetupIntent } from "./setup-intents";
import type { CheckoutSessionObject } from "./types";

// Stripe accepts `expires_at` between 30 minutes and 24 hours after creation; 24 hours is the default.
const MIN_LIFETIME_SECONDS = 30 * 60;
const MAX_LIFETIME_SECONDS = 24 * 60 * 60;

interface SessionFields {
  customer: string | null;
  currency: string | null;
  successUrl: string;
  cancelUrl: string | null;
  expiresAt: number;
  paymentMethodTypes: string[];
}

function buildSetupSession(
  ctx: EmulatorContext,
  params: Params,
  fields: SessionFields,
): CheckoutSessionObject {
  const id = newCheckoutSessionId();
  return {
    id,
    object: "checkout.session",
    adaptive_pricing: null,
    after_expiration: null,
    allow_promotion_codes: null,
    amount_subtotal: null,
    amount_total: null,
    automatic_tax: { enabled: false, liability: null, provider: null, status: null },
    billing_address_collection: null,
    cancel_url: fields.cancelUrl,
    client_reference_id: params.string("client_reference_id") ?? null,
    client_secret: null,
    collected_information: null,
    consent: null,
    consent_collection: null,
    created: ctx.clock.now(),
    currency: fields.currency,
    currency_conversion: null,
    custom_fields: [],
    custom_text: {
      after_submit: null,
      shipping_address: null,
      submit: null,
      terms_of_service_acceptance: null,
    },
    customer: fields.customer,
    customer_account: null,
    customer_creation: null,
    customer_details: null,
    customer_email: params.string("customer_email") ?? null,
    discounts: null,
    expires_at: fields.expiresAt,
    integration_identifier: null,
    invoice: null,
    invoice_creation: null,
    livemode: false,
    locale: null,
    managed_payments: null,
    metadata: params.metadata() ?? {},
    mode: "setup",
    origin_context: null,
    payment_intent: null,
    payment_link: null,
    payment_method_collection: "always",
    payment_method_configuration_details: null,
    payment_method_options: {},
    payment_method_types: fields.paymentMethodTypes,
    payment_status: "no_payment_required",
    permissions: null,
    phone_number_collection: { enabled: false },
    recovered_from: null,
    saved_payment_method_options: null,
    setup_intent: null,
    shipping_address_collection: null,
    shipping_cost: null,
    shipping_options: [],
    status: "open",
    submit_type: null,
    subscription: null,
    success_url: fields.successUrl,
    total_details: null,
    ui_mode: "hosted",
    url: `${ctx.publicUrl}/c/pay/${id}`,
    wallet_options: null,
  };
}

function readSessionFields(ctx: EmulatorContext, params: Params): SessionFields {
  const mode = params.requiredString("mode");
  if (mode !== "setup") {
    throw invalidParam("mode", `The Stripe emulator supports mode=setup only (got mode=${mode}).`);
  }
  const uiMode = params.string("ui_mode");
  if (uiMode && uiMode !== "hosted")
    throw invalidParam("ui_mode", "The Stripe emulator supports ui_mode=hosted only.");
  const customer = params.string("customer") ?? null;
  if (customer) ctx.store.customers.get(customer, "customer");
  const now = ctx.clock.now();
  const requestedExpiry = params.integer("expires_at");
  const expiresAt =
    requestedExpiry === undefined ? now + MAX_LIFETIME_SECONDS : ctx.clock.fromCallerTime(requestedExpiry);
  if (expiresAt - now < MIN_LIFETIME_SECONDS) {
    throw invalidParam(
      "expires_at",
      "The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation.",
    );
  }
  if (expiresAt - now > MAX_LIFETIME_SECONDS) {
    throw invalidParam(
      "expires_at",
      "The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.",
    );
  }
  const paymentMethodTypes = params.stringList("payment_method_types");
  if (paymentMethodTypes.some((type) => type !== "card")) {
    throw invalidParam(
      "payment_method_types",
      "The Stripe emulator supports the card payment method type only.",
    );
  }
  const currency = params.string("currency");
  return {
    customer,
    currency: currency ? normaliseCurrency(currency) : null,
    successUrl: readUrl(params, "success_url", true),
    cancelUrl: readUrl(params, "cancel_url", false) || null,
    expiresAt,
    paymentMethodTypes: paymentMethodTypes.length > 0 ? paymentMethodTypes : ["card"],
  };
}

function readUrl(params: Params, name: string, required: boolean): string {
  const value = required ? params.requiredString(name) : params.string(name);
  if (value === undefined || value === "") return "";
  // `{CHECKOUT_SESSION_ID}` is filled in at redirect time; the rest must be an absolute URL.
  if (!URL.canParse(value.replaceAll("{CHECKOUT_SESSION_ID}", "x")))
    throw invalidParam(name, "Not a valid URL");
  return value;
}

/** Like Stripe, a setup-mode session creates its SetupIntent up front. */
function createSetupSession(ctx: EmulatorContext, params: Params): CheckoutSessionObject {
  const fields = readSessionFields(ctx, params);
  const intentData = params.object("setup_intent_data");
  const session = buildSetupSession(ctx, params, fields);
  const setupIntent = createSetupIntent(ctx, {
    customer: fields.customer,
    paymentMethodTypes: session.payment_method_types,
    description: intentData?.string("description") ?? null,
    metadata: intentData?.metadata() ?? {},
  });
  session.setup_intent = setupIntent.id;
  return ctx.store.checkoutSessions.put(session);
}

export function expireSession(ctx: EmulatorContext, session: CheckoutSessionObject): CheckoutSessionObject {
  if (session.status !== "open") {
    throw invalidRequest(
      `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${session.status}".`,
    );
  }
  session.status = "expired";
  session.url = null;
  const setupIntent = session.setup_intent
    ? ctx.store.setupIntents.find(session.setup_intent as string)
    : undefined;
  if (setupIntent) cancelSetupIntent(ctx, setupIntent);
  ctx.events.record("checkout.session.expired", session);
  return session;
}

/** Due work for the clock: the earliest open session whose `expires_at` has come. */
export function nextSessionExpiry(ctx: EmulatorContext): DueWork | undefined {
  let next: CheckoutSessionObject | undefined;
  for (const session of ctx.store.checkoutSessions.all()) {
    if (session.status === "open" && (!next || session.expires_at < next.expires_at)) next = session;
  }
  const due = next;
  return due && { at: due.expires_at, run: () => expireSession(ctx, due) };
}

export const checkoutSessionRoutes: Route[] = [
  apiRoute("POST", "/v1/checkout/sessions", (ctx, request) => createSetupSession(ctx, request.params)),
  apiRoute("GET", "/v1/checkout/sessions/:id", (ctx, request) =>
    ctx.store.checkoutSessions.get(request.pathParam("id"), "session"),
  ),
  apiRoute("POST", "/v1/checkout/sessions/:id/expire", (ctx, request) =>
    expireSession(ctx, ctx.store.checkoutSessions.get(request.pathParam("id"), "session")),
  ),
  apiRoute("GET", "/v1/checkout/sessions", (ctx, { params }) => {
    const customer = params.string("customer");
    const status = params.string("status");
    const created = createdFilter(params);
    const sessions = ctx.store.checkoutSessions.list(
      (session) =>
        (!customer || session.customer === customer) &&
        (!status || session.status === status) &&
        created(session),
    );
    return paginate(sessions, params, "/v1/checkout/sessions");
  }),
];

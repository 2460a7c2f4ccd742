import type Stripe from "stripe";
import { buildCharge } from "./charges";
import type { EmulatorContext } from "./context";
import { cardError, type StripeApiError } from "./errors";
import { clientSecretFor, newId } from "./ids";
import { snapshot } from "./object-helpers";
import { DECLINED } from "./test-cards";
import type { ChargeObject, Metadata, PaymentIntentObject } from "./types";

/*
 * The payment engine shared by `POST /v1/payment_intents` and invoice collection: a PaymentIntent,
 * and confirming it by charging its saved card, which succeeds or fails as that test card does.
 */

export interface NewPaymentIntent {
  amount: number;
  currency: string;
  customer: string | null;
  paymentMethod: string | null;
  description: string | null;
  metadata: Metadata;
  paymentMethodTypes: string[];
}

function buildPaymentIntent(ctx: EmulatorContext, fields: NewPaymentIntent): PaymentIntentObject {
  const id = newId("pi");
  return {
    id,
    object: "payment_intent",
    amount: fields.amount,
    amount_capturable: 0,
    amount_details: { tip: {} },
    amount_received: 0,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: null,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: "automatic_async",
    client_secret: clientSecretFor(id),
    confirmation_method: "automatic",
    created: ctx.clock.now(),
    currency: fields.currency,
    customer: fields.customer,
    customer_account: null,
    description: fields.description,
    excluded_payment_method_types: null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    managed_payments: null,
    metadata: fields.metadata,
    next_action: null,
    on_behalf_of: null,
    payment_method: fields.paymentMethod,
    payment_method_configuration_details: null,
    payment_method_options: {
      card: { installments: null, mandate_options: null, network: null, request_three_d_secure: "automatic" },
    },
    payment_method_types: fields.paymentMethodTypes,
    processing: null,
    receipt_email: null,
    review: null,
    setup_future_usage: null,
    shipping: null,
    source: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: fields.paymentMethod ? "requires_confirmation" : "requires_payment_method",
    transfer_data: null,
    transfer_group: null,
  };
}

export function createPaymentIntent(ctx: EmulatorContext, fields: NewPaymentIntent): PaymentIntentObject {
  const intent = ctx.store.paymentIntents.put(buildPaymentIntent(ctx, fields));
  ctx.events.record("payment_intent.created", intent);
  return intent;
}

/** Whether charging this saved card would be declined (its test card fails every charge). */
export function wouldDecline(ctx: EmulatorContext, paymentMethodId: string): boolean {
  return ctx.store.state.cardBehaviours[paymentMethodId] === "charges_fail";
}

export type ConfirmOutcome =
  | { ok: true; charge: ChargeObject }
  | { ok: false; charge: ChargeObject; error: StripeApiError };

/**
 * Charges the intent's payment method. A decline leaves the intent in `requires_payment_method`
 * with `last_payment_error` (and no payment method, as Stripe clears it), and returns the 402
 * `card_error` Stripe would answer, carrying the intent.
 */
export function confirmPaymentIntent(ctx: EmulatorContext, intent: PaymentIntentObject): ConfirmOutcome {
  const paymentMethod = ctx.store.paymentMethods.get(intent.payment_method as string, "payment_method");
  const refusal = wouldDecline(ctx, paymentMethod.id) ? DECLINED : undefined;
  const charge = ctx.store.charges.put(buildCharge(ctx, intent, paymentMethod, refusal));
  intent.latest_charge = charge.id;

  if (!refusal) {
    intent.status = "succeeded";
    intent.amount_received = intent.amount;
    intent.last_payment_error = null;
    ctx.events.record("charge.succeeded", charge);
    ctx.events.record("payment_intent.succeeded", intent);
    return { ok: true, charge };
  }

  const errorBody = cardError(refusal, { charge: charge.id, payment_method: snapshot(paymentMethod) }).body;
  intent.status = "requires_payment_method";
  intent.payment_method = null;
  intent.last_payment_error = errorBody as Stripe.PaymentIntent.LastPaymentError;
  ctx.events.record("charge.failed", charge);
  ctx.events.record("payment_intent.payment_failed", intent);
  return {
    ok: false,
    charge,
    error: cardError(refusal, { ...errorBody, payment_intent: snapshot(intent) }),
  };
}

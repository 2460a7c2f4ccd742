import type Stripe from "stripe";
import type { EmulatorContext } from "./context";
import { newId } from "./ids";
import { createdFilter, paginate } from "./list";
import { embeddedList } from "./object-helpers";
import { apiRoute, type Route } from "./router";
import type { CardRefusal } from "./test-cards";
import type { ChargeObject, PaymentIntentObject, PaymentMethodObject } from "./types";

function cardDetails(
  paymentMethod: PaymentMethodObject,
  amount: number,
): Stripe.Charge.PaymentMethodDetails.Card {
  const card = paymentMethod.card;
  return {
    amount_authorized: amount,
    authorization_code: null,
    brand: card?.brand ?? "unknown",
    checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: null },
    country: card?.country ?? null,
    electronic_commerce_indicator: null,
    exp_month: card?.exp_month ?? 0,
    exp_year: card?.exp_year ?? 0,
    extended_authorization: { status: "disabled" },
    fingerprint: card?.fingerprint ?? null,
    funding: card?.funding ?? null,
    incremental_authorization: { status: "unavailable" },
    installments: null,
    last4: card?.last4 ?? null,
    mandate: null,
    multicapture: { status: "unavailable" },
    network: card?.brand ?? null,
    network_token: { used: false },
    network_transaction_id: null,
    overcapture: { maximum_amount_capturable: amount, status: "unavailable" },
    regulated_status: "unregulated",
    three_d_secure: null,
    transaction_link_id: null,
    wallet: null,
  };
}

function outcomeFor(refusal: CardRefusal | undefined): Stripe.Charge.Outcome {
  if (!refusal) {
    return {
      advice_code: null,
      network_advice_code: null,
      network_decline_code: null,
      network_status: "approved_by_network",
      reason: null,
      risk_level: "normal",
      risk_score: 32,
      seller_message: "Payment complete.",
      type: "authorized",
    };
  }
  return {
    advice_code: "try_again_later",
    network_advice_code: null,
    network_decline_code: null,
    network_status: "declined_by_network",
    reason: refusal.declineCode ?? null,
    risk_level: "normal",
    risk_score: 32,
    seller_message: "The bank did not return any further details with this decline.",
    type: "issuer_declined",
  };
}

/** The charge of one confirmation attempt: succeeded, or failed with the card's refusal. */
export function buildCharge(
  ctx: EmulatorContext,
  intent: PaymentIntentObject,
  paymentMethod: PaymentMethodObject,
  refusal: CardRefusal | undefined,
): ChargeObject {
  const id = newId("ch");
  const succeeded = !refusal;
  return {
    id,
    object: "charge",
    amount: intent.amount,
    amount_captured: succeeded ? intent.amount : 0,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    balance_transaction: succeeded ? newId("txn") : null,
    billing_details: paymentMethod.billing_details,
    calculated_statement_descriptor: "DONUTWORK",
    captured: succeeded,
    created: ctx.clock.now(),
    currency: intent.currency,
    customer: intent.customer,
    description: intent.description,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: refusal?.code ?? null,
    failure_message: refusal?.message ?? null,
    fraud_details: {},
    livemode: false,
    metadata: intent.metadata,
    on_behalf_of: null,
    outcome: outcomeFor(refusal),
    paid: succeeded,
    payment_intent: intent.id,
    payment_method: paymentMethod.id,
    payment_method_details: { card: cardDetails(paymentMethod, intent.amount), type: "card" },
    receipt_email: null,
    receipt_number: null,
    receipt_url: null,
    refunded: false,
    refunds: embeddedList([], `/v1/charges/${id}/refunds`),
    review: null,
    shipping: null,
    source: null,
    source_transfer: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: succeeded ? "succeeded" : "failed",
    transfer_data: null,
    transfer_group: null,
  };
}

export const chargeRoutes: Route[] = [
  apiRoute("GET", "/v1/charges/:id", (ctx, request) =>
    ctx.store.charges.get(request.pathParam("id"), "charge"),
  ),
  apiRoute("GET", "/v1/charges", (ctx, { params }) => {
    const customer = params.string("customer");
    const paymentIntent = params.string("payment_intent");
    const created = createdFilter(params);
    const charges = ctx.store.charges.list(
      (charge) =>
        (!customer || charge.customer === customer) &&
        (!paymentIntent || charge.payment_intent === paymentIntent) &&
        created(charge),
    );
    return paginate(charges, params, "/v1/charges");
  }),
];

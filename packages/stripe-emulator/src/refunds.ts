import type { EmulatorContext } from "./context";
import { invalidParam, invalidRequest, missingParam } from "./errors";
import { newId } from "./ids";
import { createdFilter, paginate } from "./list";
import { formatAmount } from "./money";
import { snapshot } from "./object-helpers";
import type { Params } from "./params";
import { apiRoute, type Route } from "./router";
import type { ChargeObject, RefundObject } from "./types";

const REASONS = ["duplicate", "fraudulent", "requested_by_customer"] as const;

/** The charge a refund applies to: given directly, or the latest charge of a payment intent. */
function chargeToRefund(ctx: EmulatorContext, params: Params): ChargeObject {
  const chargeId = params.string("charge");
  const paymentIntentId = params.string("payment_intent");
  if (chargeId && paymentIntentId) {
    throw invalidRequest("You may only specify one of these parameters: charge, payment_intent.");
  }
  if (chargeId) return ctx.store.charges.get(chargeId, "charge");
  if (!paymentIntentId) throw missingParam("charge");
  const intent = ctx.store.paymentIntents.get(paymentIntentId, "payment_intent");
  if (intent.status !== "succeeded" || !intent.latest_charge) {
    throw invalidRequest(`This PaymentIntent (${intent.id}) does not have a successful charge to refund.`, {
      param: "payment_intent",
      code: "charge_not_refundable",
    });
  }
  return ctx.store.charges.get(intent.latest_charge as string, "payment_intent");
}

function readAmount(params: Params, charge: ChargeObject): number {
  if (charge.status !== "succeeded") {
    throw invalidRequest(`Charge ${charge.id} has not succeeded, so it cannot be refunded.`, {
      code: "charge_not_refundable",
    });
  }
  const remaining = charge.amount - charge.amount_refunded;
  if (remaining === 0) {
    throw invalidRequest(`Charge ${charge.id} has already been refunded.`, {
      code: "charge_already_refunded",
    });
  }
  const amount = params.integer("amount", { min: 1 }) ?? remaining;
  if (amount > remaining) {
    throw invalidParam(
      "amount",
      `Refund amount (${formatAmount(amount, charge.currency)}) is greater than unrefunded amount on charge (${formatAmount(remaining, charge.currency)})`,
    );
  }
  return amount;
}

interface RefundDetails {
  metadata: Record<string, string>;
  reason: RefundObject["reason"];
}

function buildRefund(
  ctx: EmulatorContext,
  charge: ChargeObject,
  amount: number,
  details: RefundDetails,
): RefundObject {
  return {
    id: newId("re"),
    object: "refund",
    amount,
    balance_transaction: newId("txn"),
    charge: charge.id,
    created: ctx.clock.now(),
    currency: charge.currency,
    destination_details: {
      card: { reference_status: "pending", reference_type: "acquirer_reference_number", type: "refund" },
      type: "card",
    },
    metadata: details.metadata,
    payment_intent: charge.payment_intent,
    reason: details.reason,
    receipt_number: null,
    source_transfer_reversal: null,
    status: "succeeded",
    transfer_reversal: null,
    customer: charge.customer,
    customer_account: null,
    payment_method: charge.payment_method,
  };
}

/**
 * Refunds `amount` of a succeeded charge (checked by the caller against what remains) and
 * announces it as Stripe does: `charge.refunded` with the previous refunded amount, then
 * `refund.created`. Credit notes refund through here too.
 */
export function refundCharge(
  ctx: EmulatorContext,
  charge: ChargeObject,
  amount: number,
  details: RefundDetails,
): RefundObject {
  const refund = ctx.store.refunds.put(buildRefund(ctx, charge, amount, details));
  const before = snapshot(charge);
  charge.amount_refunded += amount;
  charge.refunded = charge.amount_refunded === charge.amount;
  charge.refunds?.data.unshift(refund);
  ctx.events.record("charge.refunded", charge, {
    amount_refunded: before.amount_refunded,
    refunded: before.refunded,
  });
  ctx.events.record("refund.created", refund);
  return refund;
}

/** Full or partial refund of a succeeded charge; never more than what remains unrefunded. */
function createRefund(ctx: EmulatorContext, params: Params): RefundObject {
  const charge = chargeToRefund(ctx, params);
  const amount = readAmount(params, charge);
  return refundCharge(ctx, charge, amount, {
    metadata: params.metadata() ?? {},
    reason: params.oneOf("reason", REASONS) ?? null,
  });
}

export const refundRoutes: Route[] = [
  apiRoute("POST", "/v1/refunds", (ctx, request) => createRefund(ctx, request.params)),
  apiRoute("GET", "/v1/refunds/:id", (ctx, request) =>
    ctx.store.refunds.get(request.pathParam("id"), "refund"),
  ),
  apiRoute("GET", "/v1/refunds", (ctx, { params }) => {
    const charge = params.string("charge");
    const paymentIntent = params.string("payment_intent");
    const created = createdFilter(params);
    const refunds = ctx.store.refunds.list(
      (refund) =>
        (!charge || refund.charge === charge) &&
        (!paymentIntent || refund.payment_intent === paymentIntent) &&
        created(refund),
    );
    return paginate(refunds, params, "/v1/refunds");
  }),
];

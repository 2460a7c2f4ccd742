import type Stripe from "stripe";
import { db } from "../../db";
import type { Charge } from "../../generated/prisma/client";
import { serializeCharge } from "../../serializers/charge";
import type { Actor } from "../audit/actor";
import { recordChange } from "../audit/record-change";
import { refreshCustomerFinancials } from "../financials/refresh-customer-financials";
import { lockCharge } from "./lock-charge";

/** Our three charge states from Stripe's PaymentIntent states. */
interface Outcome {
  status: string;
  failureCode: string | null;
  failureMessage: string | null;
}

function outcomeOf(intent: Stripe.PaymentIntent): Outcome {
  if (intent.status === "succeeded") return { status: "succeeded", failureCode: null, failureMessage: null };
  const error = intent.last_payment_error;
  if (intent.status === "canceled" || (intent.status === "requires_payment_method" && error)) {
    return {
      status: "failed",
      failureCode: error?.code ?? intent.cancellation_reason ?? "canceled",
      failureMessage: error?.message ?? "The payment was canceled.",
    };
  }
  // processing, requires_action, requires_confirmation: not decided yet; a webhook settles it.
  return { status: "pending", failureCode: null, failureMessage: null };
}

/**
 * A succeeded charge stays succeeded, and "not decided yet" never undoes a decision (events can
 * arrive out of order); a failed charge can still succeed (Stripe retried it).
 */
function nextState(current: Charge, outcome: Outcome): Outcome {
  if (current.status === "succeeded" || outcome.status === "pending") {
    return {
      status: current.status,
      failureCode: current.failureCode,
      failureMessage: current.failureMessage,
    };
  }
  return outcome;
}

/**
 * Converges a charge on its PaymentIntent, under the charge's row lock. A charge that reached
 * succeeded or failed announces it once (`charge.succeeded` / `charge.failed`); a settled
 * charge never goes back to pending. The customer's kept figures move in the same transaction.
 */
export async function settleCharge({
  chargeId,
  intent,
  actor,
}: {
  chargeId: string;
  intent: Stripe.PaymentIntent;
  actor: Actor;
}): Promise<Charge> {
  return db().$transaction(async (tx) => {
    const current = await lockCharge(tx, chargeId);
    const next = nextState(current, outcomeOf(intent));
    if (
      current.stripePaymentIntentId === intent.id &&
      current.status === next.status &&
      current.failureCode === next.failureCode
    )
      return current;
    const row = await tx.charge.update({
      where: { id: chargeId },
      data: { stripePaymentIntentId: intent.id, ...next },
      include: { refunds: true },
    });
    if (row.status !== current.status) {
      await recordChange(tx, {
        actor,
        action: `charge.${row.status}`,
        entityType: "charge",
        entityId: row.id,
        customerId: row.customerId,
        before: serializeCharge(current),
        after: serializeCharge(row),
      });
    }
    // A charge that failed (or stopped being failed) moves the customer's risk.
    await refreshCustomerFinancials(tx, row.customerId);
    return row;
  });
}

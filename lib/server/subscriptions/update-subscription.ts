import { AppError } from "../../errors/app-error";
import { stripe } from "../../stripe/client";
import { periodTotalProblem, type UpdateSubscriptionInput } from "../../validations/subscription";
import type { Actor } from "../audit/actor";
import { isEndedSubscriptionStatus } from "./cancel-subscription";
import { changeSubscriptionAtStripe } from "./change-subscription-at-stripe";
import { getSubscriptionRowOrThrow } from "./get-subscription-row";

/**
 * A new quantity or unit amount, prorated by Stripe (`create_prorations`: the difference for the
 * rest of the period is added to the next invoice). A new amount is a new inline price of the
 * same product, as Stripe prices are immutable.
 */
export async function updateSubscription({
  id,
  input,
  actor,
}: {
  id: string;
  input: UpdateSubscriptionInput;
  actor: Actor;
}) {
  const current = await getSubscriptionRowOrThrow(id);
  if (isEndedSubscriptionStatus(current.status)) {
    throw new AppError("conflict", `Subscription ${id} is ${current.status}; it can no longer be changed.`);
  }
  const problem = periodTotalProblem(input.amount ?? current.unitAmount, input.quantity ?? current.quantity);
  if (problem) {
    const field = input.quantity !== undefined ? "quantity" : "amount";
    throw new AppError("validation_failed", `Subscription ${id} cannot bill that much.`, {
      errors: [{ field, message: problem }],
    });
  }
  return changeSubscriptionAtStripe(current, actor, async (stripeId) => {
    const truth = await stripe().subscriptions.retrieve(stripeId);
    const item = truth.items.data[0];
    if (!item) throw new Error(`Stripe subscription ${truth.id} has no items`);
    const product = typeof item.price.product === "string" ? item.price.product : item.price.product.id;
    await stripe().subscriptions.update(stripeId, {
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.amount !== undefined || input.quantity !== undefined
        ? {
            proration_behavior: "create_prorations" as const,
            items: [
              {
                id: item.id,
                ...(input.amount !== undefined
                  ? {
                      price_data: {
                        currency: item.price.currency,
                        unit_amount: input.amount,
                        recurring: {
                          interval: item.price.recurring?.interval ?? "month",
                          interval_count: item.price.recurring?.interval_count ?? 1,
                        },
                        product,
                      },
                    }
                  : {}),
                ...(input.quantity !== undefined ? { quantity: input.quantity } : {}),
              },
            ],
          }
        : {}),
    });
  });
}

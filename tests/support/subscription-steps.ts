import fc from "fast-check";
import { type KeptFinancialsWorld, TEST_ACTOR } from "./kept-financials";

// The subscription changes the property-based tests draw (tests/financials, tests/metrics), and
// how one is applied: through the domain functions, as the API would call them.

export const STEP_CURRENCIES = ["USD", "EUR", "GBP"] as const;

export type SubscriptionStep =
  | {
      kind: "subscribe";
      currency: (typeof STEP_CURRENCIES)[number];
      amount: number;
      interval: "month" | "year";
      quantity: number;
      trialDays: number;
    }
  | { kind: "quantity"; pick: number; quantity: number }
  | { kind: "amount"; pick: number; amount: number }
  | { kind: "cancel"; pick: number; atPeriodEnd: boolean };

/** Which of the customer's subscriptions (or charges) a step acts on, modulo how many there are. */
export const pick = fc.nat({ max: 9 });

/** Creates with and without trials, quantity and amount changes, cancels now or at period end. */
export function subscriptionSteps(maxAmount: number): fc.Arbitrary<SubscriptionStep>[] {
  const amount = fc.integer({ min: 1, max: maxAmount });
  return [
    fc.record({
      kind: fc.constant("subscribe" as const),
      currency: fc.constantFrom(...STEP_CURRENCIES),
      amount,
      interval: fc.constantFrom("month" as const, "year" as const),
      quantity: fc.integer({ min: 1, max: 3 }),
      trialDays: fc.constantFrom(0, 0, 7),
    }),
    fc.record({ kind: fc.constant("quantity" as const), pick, quantity: fc.integer({ min: 1, max: 5 }) }),
    fc.record({ kind: fc.constant("amount" as const), pick, amount }),
    fc.record({ kind: fc.constant("cancel" as const), pick, atPeriodEnd: fc.boolean() }),
  ];
}

/** The `n`th row, counting round (undefined when there are none). */
export const nth = <T>(rows: T[], n: number) => rows[n % Math.max(rows.length, 1)];

/** A refusal the API would answer with a problem (no card, an ended subscription, …) changes nothing. */
export async function refusedIsFine(action: () => Promise<unknown>) {
  const { AppError } = await import("../../lib/errors/app-error");
  try {
    await action();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
  }
}

/** Applies one subscription step to the customer; `index` names its plan. */
export async function runSubscriptionStep(
  world: KeptFinancialsWorld,
  customerId: string,
  step: SubscriptionStep,
  index: number,
) {
  const { db, domain } = world;
  const subscriptions = () => db().subscription.findMany({ where: { customerId }, orderBy: { id: "asc" } });
  switch (step.kind) {
    case "subscribe":
      return refusedIsFine(() =>
        domain.createSubscription({
          customerId,
          input: {
            description: `Plan ${index}`,
            amount: step.amount,
            currency: step.currency,
            interval: step.interval,
            quantity: step.quantity,
            trial_days: step.trialDays,
          },
          actor: TEST_ACTOR,
          idempotencyKey: undefined,
        }),
      );
    case "quantity":
    case "amount": {
      const row = nth(await subscriptions(), step.pick);
      if (!row) return;
      const input = step.kind === "quantity" ? { quantity: step.quantity } : { amount: step.amount };
      return refusedIsFine(() => domain.updateSubscription({ id: row.id, input, actor: TEST_ACTOR }));
    }
    case "cancel": {
      const row = nth(await subscriptions(), step.pick);
      if (!row) return;
      return refusedIsFine(() =>
        domain.cancelSubscription({ id: row.id, atPeriodEnd: step.atPeriodEnd, actor: TEST_ACTOR }),
      );
    }
  }
}

/** Each of the customer's subscriptions synced from Stripe, as its event would (renewals, trial ends…). */
export async function syncEverySubscription(world: KeptFinancialsWorld, customerId: string) {
  const rows = await world.db().subscription.findMany({ where: { customerId }, orderBy: { id: "asc" } });
  for (const row of rows) {
    await world.domain.syncSubscription({
      stripeSubscriptionId: row.stripeSubscriptionId,
      actor: TEST_ACTOR,
      customerId,
    });
  }
}

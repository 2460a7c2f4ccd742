import fc from "fast-check";
import { afterAll, beforeAll, describe, it } from "vitest";
import { type KeptFinancialsWorld, keptFinancialsWorld, TEST_ACTOR } from "../support/kept-financials";

// Property: after any sequence of subscription, charge, card and clock changes, a customer's kept
// figures (customer_financials, customer_mrr) equal those recomputed from scratch the way
// GET /customers/{id}/metrics.json does. Changes go through the domain functions against the
// Stripe emulator, and Stripe's side (renewals, trial ends, period-end cancellations, disputes)
// reaches us through the sync functions its events call. Clock moves run the review job with a
// later `now`, then compare with the recomputation at that instant.

const DAY = 86_400_000;
const CURRENCIES = ["USD", "EUR", "GBP"] as const;
const RUNS = 12;

type Step =
  | { kind: "card"; failing: boolean; monthsAhead: number }
  | { kind: "detach" }
  | {
      kind: "subscribe";
      currency: (typeof CURRENCIES)[number];
      amount: number;
      interval: "month" | "year";
      quantity: number;
      trialDays: number;
    }
  | { kind: "quantity"; pick: number; quantity: number }
  | { kind: "amount"; pick: number; amount: number }
  | { kind: "cancel"; pick: number; atPeriodEnd: boolean }
  | { kind: "charge"; currency: (typeof CURRENCIES)[number]; amount: number }
  | { kind: "refund"; pick: number }
  | { kind: "dispute"; pick: number }
  | { kind: "renew" };

const currency = fc.constantFrom(...CURRENCIES);
const amount = fc.integer({ min: 1, max: 20_000 });
const pick = fc.nat({ max: 9 });
const cardStep = fc.record({
  kind: fc.constant("card" as const),
  failing: fc.boolean(),
  // 0–2: expiring (or expired) within the clock moves below; 48: far away.
  monthsAhead: fc.constantFrom(0, 1, 2, 48),
});
const step: fc.Arbitrary<Step> = fc.oneof(
  cardStep,
  fc.record({ kind: fc.constant("detach" as const) }),
  fc.record({
    kind: fc.constant("subscribe" as const),
    currency,
    amount,
    interval: fc.constantFrom("month" as const, "year" as const),
    quantity: fc.integer({ min: 1, max: 3 }),
    trialDays: fc.constantFrom(0, 0, 7),
  }),
  fc.record({ kind: fc.constant("quantity" as const), pick, quantity: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant("amount" as const), pick, amount }),
  fc.record({ kind: fc.constant("cancel" as const), pick, atPeriodEnd: fc.boolean() }),
  fc.record({ kind: fc.constant("charge" as const), currency, amount }),
  fc.record({ kind: fc.constant("refund" as const), pick }),
  fc.record({ kind: fc.constant("dispute" as const), pick }),
  fc.record({ kind: fc.constant("renew" as const) }),
);
// Days after the sequence at which the review job runs: crossing card thresholds (the cards
// expire at the end of this month or the next two), the 30-day MRR window and the 90-day
// charge window.
// Most sequences start with a card (as most customers have one before anything is billed);
// some start without, to cover the refusals.
const steps = fc.oneof(
  fc.tuple(cardStep, fc.array(step, { maxLength: 7 })).map(([card, rest]): Step[] => [card, ...rest]),
  fc.array(step, { minLength: 1, maxLength: 8 }),
);
const clockMoves = fc
  .uniqueArray(fc.integer({ min: 1, max: 120 }), { minLength: 1, maxLength: 3 })
  .map((days) => [...days].sort((a, b) => a - b));

let world: KeptFinancialsWorld;
let disputed: Set<string>;

beforeAll(async () => {
  world = await keptFinancialsWorld("kept_property");
  disputed = new Set();
  // The emulator has no disputes: Stripe's charge, as our sync re-fetches it, is disputed when
  // the test has disputed it.
  const { stripe } = await import("../../lib/stripe/client");
  const charges = stripe().charges;
  const retrieve = charges.retrieve.bind(charges);
  charges.retrieve = (async (...args: Parameters<typeof retrieve>) => {
    const truth = await retrieve(...args);
    return { ...truth, disputed: truth.disputed || disputed.has(truth.id) };
  }) as typeof charges.retrieve;
}, 120_000);

afterAll(async () => {
  await world?.close();
});

/** A refusal the API would answer with a problem (no card, an ended subscription, …) changes nothing. */
async function refusedIsFine(action: () => Promise<unknown>) {
  const { AppError } = await import("../../lib/errors/app-error");
  try {
    await action();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
  }
}

async function run(customerId: string, step: Step, index: number) {
  const { db, domain, sdk } = world;
  const subscriptions = () => db().subscription.findMany({ where: { customerId }, orderBy: { id: "asc" } });
  const charges = () => db().charge.findMany({ where: { customerId }, orderBy: { id: "asc" } });
  const nth = <T>(rows: T[], n: number) => rows[n % Math.max(rows.length, 1)];
  switch (step.kind) {
    case "card": {
      const expiry = new Date();
      expiry.setUTCDate(1);
      expiry.setUTCMonth(expiry.getUTCMonth() + step.monthsAhead);
      return world.attachCard(customerId, {
        testId: step.failing ? "pm_card_chargeCustomerFail" : "pm_card_visa",
        expMonth: expiry.getUTCMonth() + 1,
        expYear: expiry.getUTCFullYear(),
      });
    }
    case "detach":
      return world.detachDefaultCard(customerId);
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
    case "charge":
      return refusedIsFine(() =>
        domain.createCharge({
          customerId,
          input: { amount: step.amount, currency: step.currency },
          actor: TEST_ACTOR,
          idempotencyKey: `step-${index}`,
        }),
      );
    case "refund": {
      const row = nth(await charges(), step.pick);
      if (!row) return;
      return refusedIsFine(() =>
        domain.refundCharge({ id: row.id, input: {}, actor: TEST_ACTOR, idempotencyKey: `refund-${index}` }),
      );
    }
    case "dispute": {
      const row = nth(await charges(), step.pick);
      if (!row?.stripePaymentIntentId) return;
      const intent = await sdk.paymentIntents.retrieve(row.stripePaymentIntentId);
      const chargeId =
        typeof intent.latest_charge === "string" ? intent.latest_charge : intent.latest_charge?.id;
      if (!chargeId) return;
      disputed.add(chargeId);
      const { syncStripeCharge } = await import("../../lib/server/charges/sync-stripe-charge");
      return syncStripeCharge(chargeId);
    }
    case "renew": {
      // A month passes at Stripe: renewals are paid or fail (past_due), trials end, period-end
      // cancellations take effect; each subscription's event reaches its sync.
      await world.emulator.advanceClock(32 * 86_400);
      for (const row of await subscriptions()) {
        await domain.syncSubscription({
          stripeSubscriptionId: row.stripeSubscriptionId,
          actor: TEST_ACTOR,
          customerId,
        });
      }
      return;
    }
  }
}

describe("kept customer figures", () => {
  it("equal the figures recomputed from scratch after any sequence of changes and clock moves", async () => {
    await fc.assert(
      fc.asyncProperty(steps, clockMoves, async (sequence, moves) => {
        const customerId = await world.newCustomer();
        for (const [index, each] of sequence.entries()) {
          await run(customerId, each, index);
          await world.expectKeptEqualsRecomputed(customerId, new Date(), `after ${each.kind}`);
        }
        const base = Date.now();
        for (const days of moves) {
          const now = new Date(base + days * DAY);
          await world.domain.reviewCustomerFinancials({ now });
          await world.expectKeptEqualsRecomputed(customerId, now, `${days} days later`);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../lib/server/audit/actor";
import { type KeptFinancialsWorld, keptFinancialsWorld } from "../support/kept-financials";

// A staff change to a subscription is made at Stripe, and Stripe's webhook about it races our own
// convergence. The CI once saw the webhook win: the quantity change a finance user made in the
// browser was audited as Stripe's. Now the customer's lock is taken before Stripe is called, so
// the change is converged (and audited) under it, and the webhook's sync waits, then finds nothing.

let world: KeptFinancialsWorld;

beforeAll(async () => {
  world = await keptFinancialsWorld("subscription_attribution");
}, 120_000);

afterAll(async () => {
  await world?.close();
});

const FINANCE: Actor = { type: "staff_user", id: "usr_finance_attribution" };
const WEBHOOK: Actor = { type: "stripe", id: "evt_attribution" };
const body = {
  description: "Pro",
  amount: 4_900,
  currency: "USD",
  interval: "month",
  trial_days: 0,
} as const;

/** Runs `during` while this test holds the customer's row lock, once `change` waits for it. */
async function whileCustomerLocked(
  customerId: string,
  change: () => Promise<unknown>,
  during: () => Promise<void>,
) {
  let pending: Promise<unknown> | undefined;
  await world.db().$transaction(
    async (tx) => {
      await tx.$executeRaw`select 1 from customers where id = ${customerId} for update`;
      pending = change();
      await expect
        .poll(
          async () => {
            const [row] = await world.db().$queryRaw<{ waiting: bigint }[]>`
              select count(*) as waiting from pg_stat_activity
              where datname = current_database() and wait_event_type = 'Lock'`;
            return Number(row?.waiting);
          },
          { timeout: 15_000 },
        )
        .toBe(1);
      await during();
    },
    { timeout: 30_000 },
  );
  return pending;
}

const auditOf = (entityId: string) =>
  world
    .db()
    .auditRecord.findMany({ where: { entityType: "subscription", entityId }, orderBy: { id: "asc" } });

describe("a staff change to a subscription is audited as the staff user's, whatever Stripe's webhook does", () => {
  it("a create waits for the customer's lock before it reaches Stripe", async () => {
    const customerId = await world.newCustomer();
    await world.attachCard(customerId, { testId: "pm_card_visa", expMonth: 12, expYear: 2040 });
    const { stripeCustomerId } = await world.db().customer.findUniqueOrThrow({ where: { id: customerId } });

    const made = await whileCustomerLocked(
      customerId,
      () =>
        world.domain.createSubscription({
          customerId,
          input: { ...body, quantity: 2 },
          actor: FINANCE,
          idempotencyKey: undefined,
        }),
      async () => {
        const atStripe = await world.sdk.subscriptions.list({
          customer: stripeCustomerId ?? "",
          status: "all",
        });
        expect(atStripe.data).toEqual([]);
      },
    );
    const { id } = made as { id: string };
    const row = await world.db().subscription.findUniqueOrThrow({ where: { id } });
    await world.domain.syncSubscription({ stripeSubscriptionId: row.stripeSubscriptionId, actor: WEBHOOK });

    expect((await auditOf(id)).map((entry) => [entry.action, entry.actorType, entry.actorId])).toEqual([
      ["subscription.created", "staff_user", FINANCE.id],
    ]);
  });

  it("a change and a cancel wait for it too; the webhook's sync that follows records nothing", async () => {
    const customerId = await world.newCustomer();
    await world.attachCard(customerId, { testId: "pm_card_visa", expMonth: 12, expYear: 2040 });
    const { id, stripe_subscription_id } = await world.domain
      .createSubscription({
        customerId,
        input: { ...body, quantity: 2 },
        actor: FINANCE,
        idempotencyKey: undefined,
      })
      .then(async (made) => ({
        id: made.id,
        stripe_subscription_id: (await world.db().subscription.findUniqueOrThrow({ where: { id: made.id } }))
          .stripeSubscriptionId,
      }));
    const quantityAtStripe = async () =>
      (await world.sdk.subscriptions.retrieve(stripe_subscription_id)).items.data[0]?.quantity;

    await whileCustomerLocked(
      customerId,
      () => world.domain.updateSubscription({ id, input: { quantity: 3 }, actor: FINANCE }),
      async () => expect(await quantityAtStripe()).toBe(2),
    );
    expect(await quantityAtStripe()).toBe(3);
    await world.domain.syncSubscription({ stripeSubscriptionId: stripe_subscription_id, actor: WEBHOOK });

    await whileCustomerLocked(
      customerId,
      () => world.domain.cancelSubscription({ id, atPeriodEnd: false, actor: FINANCE }),
      async () =>
        expect((await world.sdk.subscriptions.retrieve(stripe_subscription_id)).status).toBe("active"),
    );
    await world.domain.syncSubscription({ stripeSubscriptionId: stripe_subscription_id, actor: WEBHOOK });

    expect((await auditOf(id)).map((entry) => [entry.action, entry.actorType])).toEqual([
      ["subscription.created", "staff_user"],
      ["subscription.updated", "staff_user"],
      ["subscription.canceled", "staff_user"],
    ]);
  });
});

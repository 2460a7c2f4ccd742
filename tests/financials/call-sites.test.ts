import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { type KeptFinancialsWorld, keptFinancialsWorld, TEST_ACTOR } from "../support/kept-financials";
import { sendInvoiceAtStripe } from "../support/stripe-invoices";

// Each change that moves a customer's figures rewrites its kept row in the change's own
// transaction. Proved by failing that transaction right after the refresh (the wrapper below):
// the change and the kept row both stay as they were. Then the same sync, not failed, moves the
// row to exactly what a recomputation from scratch gives.

const hooks = vi.hoisted(() => ({ failAfterRefresh: false, refreshes: 0 }));

vi.mock("../../lib/server/financials/refresh-customer-financials", async (importOriginal) => {
  const real =
    await importOriginal<typeof import("../../lib/server/financials/refresh-customer-financials")>();
  return {
    refreshCustomerFinancials: async (...args: Parameters<typeof real.refreshCustomerFinancials>) => {
      const figures = await real.refreshCustomerFinancials(...args);
      hooks.refreshes += 1;
      if (hooks.failAfterRefresh) throw new Error("the change's transaction fails after the refresh");
      return figures;
    },
  };
});

const FAR = { expMonth: 12, expYear: 2040 };
let world: KeptFinancialsWorld;

beforeAll(async () => {
  world = await keptFinancialsWorld("kept_call_sites");
}, 120_000);

afterAll(async () => {
  await world?.close();
});

beforeEach(() => {
  hooks.failAfterRefresh = false;
  hooks.refreshes = 0;
});

/** Runs `change` with its transaction failing after the refresh: it must throw and change nothing. */
async function expectRolledBackTogether(customerId: string, change: () => Promise<unknown>) {
  const before = await world.kept(customerId);
  hooks.failAfterRefresh = true;
  await expect(change()).rejects.toThrow();
  hooks.failAfterRefresh = false;
  expect(hooks.refreshes).toBeGreaterThan(0);
  expect(await world.kept(customerId)).toEqual(before);
}

async function customerWithCard(
  card: Parameters<KeptFinancialsWorld["attachCard"]>[1] = { testId: "pm_card_visa", ...FAR },
) {
  const id = await world.newCustomer();
  await world.attachCard(id, card);
  return id;
}

async function subscribe(customerId: string, input: Record<string, unknown> = {}) {
  return world.domain.createSubscription({
    customerId,
    input: {
      description: "Pro",
      amount: 4900,
      currency: "USD",
      interval: "month",
      quantity: 1,
      trial_days: 0,
      ...input,
    },
    actor: TEST_ACTOR,
    idempotencyKey: undefined,
  });
}

describe("kept figures move in the transaction of each change", () => {
  it("customer create: the customer is born with its row (no payment method, medium risk)", async () => {
    const id = await world.newCustomer();
    const { financials, mrr } = await world.kept(id);
    expect(financials).toMatchObject({
      riskScore: 40,
      riskLevel: "medium",
      hasPaymentMethod: false,
      reviewAt: null,
    });
    expect(mrr).toEqual({});
    await world.expectKeptEqualsRecomputed(id, new Date());
  });

  it("default card attached (card sync): rolled back with the card, kept once synced", async () => {
    const id = await world.newCustomer();
    const stripeCustomerId = await world.domain.ensureStripeCustomer(id);
    await expectRolledBackTogether(id, () => world.attachCard(id, { testId: "pm_card_visa", ...FAR }));
    expect(await world.db().paymentMethod.count({ where: { customerId: id } })).toBe(0);
    await world.domain.syncCustomerPaymentMethods(stripeCustomerId);
    expect((await world.kept(id)).financials).toMatchObject({
      hasPaymentMethod: true,
      cardExpiresOn: new Date("2040-12-31T00:00:00Z"),
      riskScore: 0,
    });
    await world.expectKeptEqualsRecomputed(id, new Date());
  });

  it("default card detached (card sync): back to no_payment_method", async () => {
    const id = await customerWithCard();
    await world.detachDefaultCard(id);
    expect((await world.kept(id)).financials).toMatchObject({ hasPaymentMethod: false, riskScore: 40 });
    await world.expectKeptEqualsRecomputed(id, new Date());
  });

  it("subscription create (subscription sync): rolled back with the row, its MRR kept once synced", async () => {
    const id = await customerWithCard();
    await expectRolledBackTogether(id, () => subscribe(id, { quantity: 2 }));
    expect(await world.db().subscription.count({ where: { customerId: id } })).toBe(0);
    const [stripeSubscription] = (
      await world.sdk.subscriptions.list({ customer: await world.domain.ensureStripeCustomer(id) })
    ).data;
    await world.domain.syncSubscription({
      stripeSubscriptionId: stripeSubscription?.id ?? "",
      actor: TEST_ACTOR,
      customerId: id,
    });
    expect((await world.kept(id)).mrr).toEqual({ USD: 9800 });
    expect((await world.kept(id)).financials?.primaryCurrency).toBe("USD");
    await world.expectKeptEqualsRecomputed(id, new Date());
  });

  it("subscription quantity and amount change (update + sync): rolled back, then kept", async () => {
    const id = await customerWithCard();
    const subscription = await subscribe(id);
    await expectRolledBackTogether(id, () =>
      world.domain.updateSubscription({ id: subscription.id, input: { quantity: 3 }, actor: TEST_ACTOR }),
    );
    expect((await world.kept(id)).mrr).toEqual({ USD: 4900 });
    await world.domain.updateSubscription({
      id: subscription.id,
      input: { amount: 1000 },
      actor: TEST_ACTOR,
    });
    expect((await world.kept(id)).mrr).toEqual({ USD: 3000 });
    await world.expectKeptEqualsRecomputed(id, new Date());
  });

  it("subscription cancel now: the currency keeps no row; at period end: still counts", async () => {
    const id = await customerWithCard();
    const monthly = await subscribe(id);
    const euro = await subscribe(id, { currency: "EUR", amount: 1200, interval: "year" });
    await world.domain.cancelSubscription({ id: euro.id, atPeriodEnd: true, actor: TEST_ACTOR });
    expect((await world.kept(id)).mrr).toEqual({ EUR: 100, USD: 4900 });
    await expectRolledBackTogether(id, () =>
      world.domain.cancelSubscription({ id: monthly.id, atPeriodEnd: false, actor: TEST_ACTOR }),
    );
    await world.domain.syncSubscription({
      stripeSubscriptionId: (await world.db().subscription.findUniqueOrThrow({ where: { id: monthly.id } }))
        .stripeSubscriptionId,
      actor: TEST_ACTOR,
      customerId: id,
    });
    expect((await world.kept(id)).mrr).toEqual({ EUR: 100 });
    await world.expectKeptEqualsRecomputed(id, new Date());
  });

  it("a trial: the currency has a row at 0", async () => {
    const id = await customerWithCard();
    await subscribe(id, { trial_days: 14, currency: "GBP" });
    expect((await world.kept(id)).mrr).toEqual({ GBP: 0 });
    await world.expectKeptEqualsRecomputed(id, new Date());
  });

  it("charge failed (settle): rolled back with the charge's outcome, charge_failed once settled", async () => {
    const id = await customerWithCard({ testId: "pm_card_chargeCustomerFail", ...FAR });
    const charge = (key: string) =>
      world.domain.createCharge({
        customerId: id,
        input: { amount: 1500, currency: "USD" },
        actor: TEST_ACTOR,
        idempotencyKey: key,
      });
    await expectRolledBackTogether(id, () => charge("first"));
    expect((await world.db().charge.findFirstOrThrow({ where: { customerId: id } })).status).toBe("pending");
    // The retry with the same key reaches the same PaymentIntent and settles the same charge.
    expect((await charge("first")).status).toBe("failed");
    expect((await world.kept(id)).financials).toMatchObject({ riskScore: 15 });
    expect((await world.kept(id)).financials?.reviewAt).not.toBeNull();
    await world.expectKeptEqualsRecomputed(id, new Date());
  });

  it("charge disputed (charge sync): rolled back with the flag, charge_disputed once synced", async () => {
    const id = await customerWithCard();
    const charge = await world.domain.createCharge({
      customerId: id,
      input: { amount: 2500, currency: "USD" },
      actor: TEST_ACTOR,
      idempotencyKey: "to-dispute",
    });
    const row = await world.db().charge.findUniqueOrThrow({ where: { id: charge.id } });
    const intent = await world.sdk.paymentIntents.retrieve(row.stripePaymentIntentId ?? "");
    const stripeChargeId = typeof intent.latest_charge === "string" ? intent.latest_charge : "";
    // The emulator has no disputes: Stripe's charge, as the sync re-fetches it, says disputed.
    const { stripe } = await import("../../lib/stripe/client");
    const charges = stripe().charges;
    const retrieve = charges.retrieve;
    charges.retrieve = (async (...args: Parameters<typeof retrieve>) => ({
      ...(await retrieve.apply(charges, args)),
      disputed: true,
    })) as typeof retrieve;
    try {
      const { syncStripeCharge } = await import("../../lib/server/charges/sync-stripe-charge");
      await expectRolledBackTogether(id, () => syncStripeCharge(stripeChargeId));
      expect((await world.db().charge.findUniqueOrThrow({ where: { id: charge.id } })).disputed).toBe(false);
      await syncStripeCharge(stripeChargeId);
    } finally {
      charges.retrieve = retrieve;
    }
    expect((await world.kept(id)).financials).toMatchObject({ riskScore: 35, riskLevel: "medium" });
    await world.expectKeptEqualsRecomputed(id, new Date());
  });

  it("invoice sync: rolled back with the invoice row, invoice_overdue once synced, cleared when paid", async () => {
    const id = await customerWithCard();
    const stripeCustomerId = await world.domain.ensureStripeCustomer(id);
    // Sent for payment at Stripe and first heard of after its due date (yesterday).
    const stripeInvoiceId = await sendInvoiceAtStripe(world.sdk, {
      customer: stripeCustomerId,
      currency: "usd",
      amount: 3000,
      dueDate: new Date(Date.now() - 86_400_000),
    });
    const { syncInvoice } = await import("../../lib/server/invoices/sync-invoice");
    const sync = () => syncInvoice({ stripeInvoiceId, actor: TEST_ACTOR });
    await expectRolledBackTogether(id, sync);
    expect(await world.db().invoice.count({ where: { customerId: id } })).toBe(0);
    const row = await sync();
    expect((await world.kept(id)).financials).toMatchObject({
      riskScore: 30,
      riskSignals: [{ code: "invoice_overdue", evidence: [{ type: "invoice", id: row?.id }] }],
    });
    await world.expectKeptEqualsRecomputed(id, new Date());
    await world.sdk.invoices.pay(stripeInvoiceId);
    await expectRolledBackTogether(id, sync);
    await sync();
    expect((await world.kept(id)).financials).toMatchObject({ riskScore: 0, riskSignals: [] });
    await world.expectKeptEqualsRecomputed(id, new Date());
  });

  it("refund: refreshed in the refund's transaction (rolled back with it), figures unchanged", async () => {
    const id = await customerWithCard();
    const charge = await world.domain.createCharge({
      customerId: id,
      input: { amount: 1500, currency: "USD" },
      actor: TEST_ACTOR,
      idempotencyKey: "paid",
    });
    expect(charge.status).toBe("succeeded");
    const refund = () =>
      world.domain.refundCharge({
        id: charge.id,
        input: { amount: 500 },
        actor: TEST_ACTOR,
        idempotencyKey: "r1",
      });
    await expectRolledBackTogether(id, refund);
    expect((await world.db().charge.findUniqueOrThrow({ where: { id: charge.id } })).amountRefunded).toBe(0);
    await refund();
    await world.expectKeptEqualsRecomputed(id, new Date());
  });
});

describe("concurrent changes to one customer", () => {
  it("a subscription change and a failed charge at once leave the kept row equal to the recomputation", async () => {
    for (let round = 0; round < 3; round++) {
      const id = await customerWithCard({ testId: "pm_card_chargeCustomerFail", ...FAR });
      // Trials: their first invoices are not charged to the failing card.
      const usd = await subscribe(id, { trial_days: 7 });
      const eur = await subscribe(id, { currency: "EUR", amount: 900, trial_days: 7 });
      await Promise.all([
        world.domain.updateSubscription({ id: usd.id, input: { quantity: 4 }, actor: TEST_ACTOR }),
        world.domain.createCharge({
          customerId: id,
          input: { amount: 700, currency: "EUR" },
          actor: TEST_ACTOR,
          idempotencyKey: `race-${round}`,
        }),
        world.domain.cancelSubscription({ id: eur.id, atPeriodEnd: false, actor: TEST_ACTOR }),
      ]);
      await world.expectKeptEqualsRecomputed(id, new Date(), `round ${round}`);
      expect((await world.kept(id)).financials?.riskSignals).toMatchObject([{ code: "charge_failed" }]);
    }
  });
});

describe("GET /metrics.json from the kept figures", () => {
  it("has the totals and the at-risk list of the old computation from scratch", async () => {
    const { getBookMetrics } = await import("../../lib/server/metrics/get-book-metrics");
    const book = await getBookMetrics({ atRiskLimit: 100 });
    // The totals as they were computed before the figures were kept: from every live subscription.
    const old = await world.db().$queryRaw<
      { currency: string; mrr: bigint; customers: bigint; subscriptions: bigint }[]
    >`
      select currency, sum(mrr)::bigint as mrr, count(*) as customers, sum(subscriptions)::bigint as subscriptions
      from (select currency, customer_id, sum(mrr) as mrr, count(*) as subscriptions from subscriptions
            where status in ('active', 'past_due') group by currency, customer_id) per_customer
      group by currency order by currency`;
    expect(old.length).toBeGreaterThan(1);
    expect(
      book.currencies.map(({ currency, mrr, paying_customers, live_subscriptions }) => ({
        currency,
        mrr,
        paying_customers,
        live_subscriptions,
      })),
    ).toEqual(
      old.map((row) => ({
        currency: row.currency,
        mrr: Number(row.mrr),
        paying_customers: Number(row.customers),
        live_subscriptions: Number(row.subscriptions),
      })),
    );
    // The at-risk list: every customer assessed from scratch, riskiest first.
    const customers = await world
      .db()
      .customer.findMany({ where: { status: { not: "deleted" } }, select: { id: true } });
    const assessed = await Promise.all(
      customers.map(async ({ id }) => ({
        id,
        metrics: await world.domain.getCustomerMetrics({ customerId: id }),
      })),
    );
    const expected = assessed
      .filter(({ metrics }) => metrics.risk.score > 0)
      .sort((a, b) => b.metrics.risk.score - a.metrics.risk.score || (a.id < b.id ? 1 : -1))
      .map(({ id, metrics }) => ({
        customer_id: id,
        score: metrics.risk.score,
        level: metrics.risk.level,
        signals: metrics.risk.signals.map(({ since: _since, ...signal }) => signal),
        currency: metrics.currency,
        mrr: metrics.mrr,
      }));
    expect(expected.length).toBeGreaterThan(3);
    expect(
      book.at_risk.map(({ customer_id, score, level, signals, currency, mrr }) => ({
        customer_id,
        score,
        level,
        signals,
        currency,
        mrr,
      })),
    ).toEqual(expected);
  });
});

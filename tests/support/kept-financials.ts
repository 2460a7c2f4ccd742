import { startStripeEmulator } from "@donutwork/stripe-emulator";
import Stripe from "stripe";
import { expect } from "vitest";
import type { Actor } from "../../lib/server/audit/actor";
import { migratedAppDatabase } from "./app-environment";
import { newCustomerBody } from "./customer-body";

export const TEST_ACTOR: Actor = { type: "system", id: null };

/**
 * App code in the test process against a fresh migrated database and a Stripe emulator of its
 * own (no webhooks: the tests call the sync functions Stripe's events reach themselves). Call it
 * before importing app code: lib/env.ts reads the environment once (`environment` adds to it).
 */
export async function keptFinancialsWorld(label: string, environment: Record<string, string> = {}) {
  const emulator = await startStripeEmulator({ port: 0, webhookSecret: "whsec_kept_financials" });
  const database = await migratedAppDatabase(label, { STRIPE_EMULATOR_URL: emulator.url, ...environment });
  const url = new URL(emulator.url);
  const sdk = new Stripe("sk_test_kept_financials", {
    host: url.hostname,
    port: Number(url.port),
    protocol: "http",
    maxNetworkRetries: 0,
  });
  const { db, closeDatabase } = await import("../../lib/db");
  const domain = {
    ...(await import("../../lib/server/customers/create-customer")),
    ...(await import("../../lib/server/stripe-sync/ensure-stripe-customer")),
    ...(await import("../../lib/server/stripe-sync/sync-payment-methods")),
    ...(await import("../../lib/server/subscriptions/create-subscription")),
    ...(await import("../../lib/server/subscriptions/update-subscription")),
    ...(await import("../../lib/server/subscriptions/cancel-subscription")),
    ...(await import("../../lib/server/subscriptions/sync-subscription")),
    ...(await import("../../lib/server/charges/create-charge")),
    ...(await import("../../lib/server/charges/refund-charge")),
    ...(await import("../../lib/server/financials/refresh-customer-financials")),
    ...(await import("../../lib/server/financials/review-customer-financials")),
    ...(await import("../../lib/server/financials/billed-currencies")),
    ...(await import("../../lib/server/metrics/get-customer-metrics")),
  };

  async function newCustomer(): Promise<string> {
    return (await domain.createCustomer({ input: newCustomerBody() as never, actor: TEST_ACTOR })).id;
  }

  /**
   * Attaches a test card at Stripe (pm_card_visa charges fine, pm_card_chargeCustomerFail fails
   * off-session), with the given expiry, as the customer's default, then syncs as the
   * `payment_method.attached` / `customer.updated` events would.
   */
  async function attachCard(
    customerId: string,
    card: { testId: "pm_card_visa" | "pm_card_chargeCustomerFail"; expMonth: number; expYear: number },
  ): Promise<void> {
    const stripeCustomerId = await domain.ensureStripeCustomer(customerId);
    const method = await sdk.paymentMethods.attach(card.testId, { customer: stripeCustomerId });
    await sdk.paymentMethods.update(method.id, {
      card: { exp_month: card.expMonth, exp_year: card.expYear },
    });
    await sdk.customers.update(stripeCustomerId, { invoice_settings: { default_payment_method: method.id } });
    await domain.syncCustomerPaymentMethods(stripeCustomerId);
  }

  /** Detaches the default card at Stripe and syncs (the next newest card, if any, becomes the default). */
  async function detachDefaultCard(customerId: string): Promise<void> {
    const row = await db().customer.findUniqueOrThrow({
      where: { id: customerId },
      select: { stripeCustomerId: true, defaultPaymentMethod: { select: { stripePaymentMethodId: true } } },
    });
    if (!row.stripeCustomerId || !row.defaultPaymentMethod) return;
    await sdk.paymentMethods.detach(row.defaultPaymentMethod.stripePaymentMethodId);
    await domain.syncCustomerPaymentMethods(row.stripeCustomerId);
  }

  /** The kept figures of a customer, as stored. */
  async function kept(customerId: string) {
    const financials = await db().customerFinancials.findUnique({ where: { customerId } });
    const mrr = await db().customerMrr.findMany({ where: { customerId }, orderBy: { currency: "asc" } });
    return {
      financials,
      mrr: Object.fromEntries(mrr.map((row) => [row.currency, Number(row.mrr)])),
      // Each MRR row keeps the customer's risk level too (the list's risk_level&currency filter).
      mrrRiskLevels: Object.fromEntries(mrr.map((row) => [row.currency, row.riskLevel])),
    };
  }

  /** The same figures recomputed from scratch at `now`, the way GET /customers/{id}/metrics.json does. */
  async function recomputed(customerId: string, now: Date) {
    const metrics = await domain.getCustomerMetrics({ customerId, now });
    const subscriptions = await db().subscription.findMany({
      where: { customerId },
      select: { status: true, currency: true },
    });
    const card = await db().customer.findUniqueOrThrow({
      where: { id: customerId },
      select: { defaultPaymentMethod: { select: { expMonth: true, expYear: true } } },
    });
    const currencies = domain.billedCurrencies(subscriptions, metrics.mrr_by_currency);
    const lastDay = card.defaultPaymentMethod
      ? new Date(Date.UTC(card.defaultPaymentMethod.expYear, card.defaultPaymentMethod.expMonth, 0))
      : null;
    return {
      primaryCurrency: metrics.currency,
      riskScore: metrics.risk.score,
      riskLevel: metrics.risk.level,
      // Kept signals are as assessed (with their evidence); `since` is read from their periods on request.
      riskSignals: metrics.risk.signals.map(({ since: _since, ...signal }) => signal),
      hasPaymentMethod: card.defaultPaymentMethod !== null,
      cardExpiresOn: lastDay,
      mrr: Object.fromEntries(currencies.map((code) => [code, metrics.mrr_by_currency[code] ?? 0])),
      mrrRiskLevels: Object.fromEntries(currencies.map((code) => [code, metrics.risk.level])),
    };
  }

  /** Asserts that the kept row and MRR rows equal the figures recomputed from scratch at `now`. */
  async function expectKeptEqualsRecomputed(customerId: string, now: Date, label = customerId) {
    const { financials, mrr, mrrRiskLevels } = await kept(customerId);
    const expected = await recomputed(customerId, now);
    expect(
      {
        primaryCurrency: financials?.primaryCurrency,
        riskScore: financials?.riskScore,
        riskLevel: financials?.riskLevel,
        riskSignals: financials?.riskSignals,
        hasPaymentMethod: financials?.hasPaymentMethod,
        cardExpiresOn: financials?.cardExpiresOn ?? null,
        mrr,
        mrrRiskLevels,
      },
      label,
    ).toEqual(expected);
  }

  /** The customer's customer.risk_changed payloads, oldest first (ids are ULIDs of the app's clock). */
  async function riskChangedEvents(customerId: string) {
    const rows = await db().domainEvent.findMany({
      where: { customerId, type: "customer.risk_changed" },
      orderBy: { id: "asc" },
    });
    return rows.map(
      (row) =>
        row.data as {
          customer_id: string;
          previous_level: string;
          level: string;
          score: number;
          signals: { code: string }[];
        },
    );
  }

  return {
    db,
    sdk,
    emulator,
    domain,
    newCustomer,
    attachCard,
    detachDefaultCard,
    kept,
    riskChangedEvents,
    expectKeptEqualsRecomputed,
    close: async () => {
      await closeDatabase();
      await database.drop();
      await emulator.close();
    },
  };
}

export type KeptFinancialsWorld = Awaited<ReturnType<typeof keptFinancialsWorld>>;

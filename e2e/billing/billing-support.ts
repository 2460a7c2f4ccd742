import { readFileSync } from "node:fs";
import path from "node:path";
import * as api from "@donutwork/api-client";
import { type APIRequestContext, expect } from "@playwright/test";
import Stripe from "stripe";
import { TEST_DATA_DIR } from "../../playwright.config";
import { writeClient } from "../support/api";
import { expectData } from "../support/api-typed";
import { customerWithSavedCard, getCustomerJson } from "../support/payment-onboarding";

export const DECLINING_CARD = "4000 0000 0000 0341";

const emulatorPort = () =>
  Number(readFileSync(path.join(TEST_DATA_DIR, "stripe-emulator.port"), "utf8").trim());

/** The real SDK pointed at the app's emulator, to look at what Stripe really holds. */
export function emulatorStripe(): Stripe {
  return new Stripe("sk_test_billing_specs", { host: "127.0.0.1", port: emulatorPort(), protocol: "http" });
}

/** Moves the emulator's clock; due trial ends and renewals run and send their webhooks. */
export async function advanceEmulatorClock(request: APIRequestContext, seconds: number) {
  const response = await request.post(`http://127.0.0.1:${emulatorPort()}/_emulator/advance_clock`, {
    headers: { authorization: "Bearer sk_test_billing_specs" },
    form: { seconds: String(seconds) },
  });
  expect(response.status(), await response.text()).toBe(200);
}

/** A customer whose card has been saved and confirmed by Stripe's webhook. */
export async function billableCustomer(request: APIRequestContext, cardNumber?: string) {
  const { customer } = await customerWithSavedCard(request, cardNumber);
  await expect
    .poll(async () => (await getCustomerJson(request, customer.id)).default_payment_method, {
      timeout: 20_000,
    })
    .not.toBeNull();
  return customer;
}

type SubscriptionBody = NonNullable<api.CreateSubscriptionData["body"]>;
type ChargeBody = NonNullable<api.CreateChargeData["body"]>;

/** Subscribes the customer (49.00 USD a month unless `body` says otherwise) and returns the 201's body. */
export async function subscribe(
  request: APIRequestContext,
  customerId: string,
  body: Partial<SubscriptionBody>,
) {
  const subscription = await api.createSubscription({
    client: writeClient(request),
    path: { id: customerId },
    body: { description: "Pro plan", amount: 4900, currency: "USD", interval: "month", ...body },
  });
  return expectData(subscription, 201);
}

/** Charges the customer (USD, "Setup fee" unless `body` says otherwise) under an Idempotency-Key. */
export function charge(
  request: APIRequestContext,
  customerId: string,
  body: Partial<ChargeBody> & Pick<ChargeBody, "amount">,
  key = crypto.randomUUID(),
) {
  return api.createCharge({
    client: writeClient(request),
    path: { id: customerId },
    headers: { "idempotency-key": key },
    body: { currency: "USD", description: "Setup fee", ...body },
  });
}

export async function metricsOf(request: APIRequestContext, customerId: string) {
  return expectData(
    await api.getCustomerMetrics({ client: writeClient(request), path: { id: customerId } }),
    200,
  );
}

export async function subscriptionOf(request: APIRequestContext, id: string) {
  return expectData(await api.getSubscription({ client: writeClient(request), path: { id } }), 200);
}

import { readFileSync } from "node:fs";
import path from "node:path";
import { type APIRequestContext, expect } from "@playwright/test";
import Stripe from "stripe";
import { TEST_DATA_DIR } from "../../playwright.config";
import { writeHeaders } from "../support/api";
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

export async function subscribe(
  request: APIRequestContext,
  customerId: string,
  body: Record<string, unknown>,
) {
  const response = await request.post(`/customers/${customerId}/subscriptions.json`, {
    headers: writeHeaders(),
    data: { description: "Pro plan", amount: 4900, currency: "USD", interval: "month", ...body },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as Record<string, unknown> & { id: string; status: string; mrr: number };
}

export async function charge(
  request: APIRequestContext,
  customerId: string,
  body: Record<string, unknown>,
  key = crypto.randomUUID(),
) {
  return request.post(`/customers/${customerId}/charges.json`, {
    headers: { ...writeHeaders(), "idempotency-key": key },
    data: { currency: "USD", description: "Setup fee", ...body },
  });
}

export interface MetricsJson {
  currency: string | null;
  mrr: number;
  yrr: number;
  mrr_by_currency: Record<string, number>;
  risk: { level: string; score: number; signals: { code: string; message: string }[] };
  history: { date: string; mrr: number }[];
}

export async function metricsOf(request: APIRequestContext, customerId: string): Promise<MetricsJson> {
  const response = await request.get(`/customers/${customerId}/metrics.json`, { headers: writeHeaders() });
  expect(response.status()).toBe(200);
  return (await response.json()) as MetricsJson;
}

export async function subscriptionOf(request: APIRequestContext, id: string) {
  const response = await request.get(`/subscriptions/${id}.json`, { headers: writeHeaders() });
  expect(response.status()).toBe(200);
  return (await response.json()) as {
    id: string;
    status: string;
    mrr: number;
    cancel_at_period_end: boolean;
  };
}

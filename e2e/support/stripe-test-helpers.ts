import { type APIRequestContext, expect } from "@playwright/test";
import Stripe from "stripe";
import { emulatorUrlOf, secretsOf } from "../../tests/support/data-dir";
import { TEST_DATA_DIR } from "../../tests/support/environment";
import { emulatorStripe as emulatorStripeOf } from "../../tests/support/stripe-emulator";

/** The emulator the test app runs (its port is remembered in the data dir). */
export const emulatorUrl = (): string => emulatorUrlOf(TEST_DATA_DIR);

/** The real SDK pointed at the test app's emulator, to look at or change Stripe's side. */
export const emulatorStripe = (): Stripe => emulatorStripeOf(TEST_DATA_DIR);

/** Posts an event to the app's /webhooks/stripe, signed as Stripe signs (or with another secret / time). */
export async function postStripeEvent(
  request: APIRequestContext,
  event: Record<string, unknown>,
  options: { secret?: string; timestamp?: number } = {},
) {
  const payload = JSON.stringify(event);
  const header = Stripe.webhooks.generateTestHeaderString({
    payload,
    secret: options.secret ?? secretsOf(TEST_DATA_DIR).stripeWebhookSecret,
    timestamp: options.timestamp,
  });
  return request.post("/webhooks/stripe", {
    data: payload,
    headers: { "stripe-signature": header, "content-type": "application/json" },
  });
}

/** A Stripe-shaped event around an object, with a fresh id. */
export function stripeEvent(
  type: string,
  object: { id: string } & Record<string, unknown>,
  created = Math.floor(Date.now() / 1000),
) {
  return {
    id: `evt_e2e_${crypto.randomUUID().replaceAll("-", "")}`,
    object: "event",
    api_version: "2026-10-28.endive",
    created,
    type,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    data: { object },
  };
}

/** Makes the emulator fail the next `count` requests to paths starting with `path`. */
export async function injectStripeFailures(request: APIRequestContext, path: string, count: number) {
  const response = await request.post(`${emulatorUrl()}/_emulator/inject_failures`, {
    data: { path, count },
  });
  if (!response.ok()) throw new Error(`fault injection: ${response.status()} ${await response.text()}`);
}

/** Moves the emulator's clock; due trial ends and renewals run and send their webhooks. */
export async function advanceEmulatorClock(request: APIRequestContext, seconds: number) {
  const response = await request.post(`${emulatorUrl()}/_emulator/advance_clock`, {
    form: { seconds: String(seconds) },
  });
  expect(response.status(), await response.text()).toBe(200);
}

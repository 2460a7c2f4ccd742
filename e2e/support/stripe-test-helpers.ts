import { readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import Stripe from "stripe";
import { TEST_DATA_DIR } from "../../playwright.config";
import { testAppSecrets } from "./local-secrets";

/** The emulator the test app runs (its port is remembered in the data dir). */
export function emulatorUrl(): string {
  const port = readFileSync(path.join(TEST_DATA_DIR, "stripe-emulator.port"), "utf8").trim();
  return `http://127.0.0.1:${port}`;
}

/** The real SDK pointed at the test app's emulator, to look at or change Stripe's side. */
export function emulatorStripe(): Stripe {
  const url = new URL(emulatorUrl());
  return new Stripe("sk_test_e2e", {
    host: url.hostname,
    port: Number(url.port),
    protocol: "http",
    maxNetworkRetries: 0,
  });
}

/** Posts an event to the app's /webhooks/stripe, signed as Stripe signs (or with another secret / time). */
export async function postStripeEvent(
  request: APIRequestContext,
  event: Record<string, unknown>,
  options: { secret?: string; timestamp?: number } = {},
) {
  const payload = JSON.stringify(event);
  const header = Stripe.webhooks.generateTestHeaderString({
    payload,
    secret: options.secret ?? testAppSecrets().stripeWebhookSecret,
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

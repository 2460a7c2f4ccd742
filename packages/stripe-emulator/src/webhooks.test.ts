import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type Harness, startHarness, stripeClient, WEBHOOK_SECRET } from "./test-support";
import { stripeSignatureHeader } from "./webhook-signature";

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ webhookRetry: { initialDelayMs: 20, maxDelayMs: 50, timeoutMs: 500 } });
});

afterAll(async () => {
  await harness?.close();
});

describe("webhook delivery", () => {
  it("signs payloads the way stripe.webhooks.constructEvent verifies", () => {
    const payload = JSON.stringify({ id: "evt_1", object: "event" });
    const header = stripeSignatureHeader(payload, WEBHOOK_SECRET, Math.floor(Date.now() / 1000));
    const stripe = new Stripe("sk_test_x");
    expect(stripe.webhooks.constructEvent(payload, header, WEBHOOK_SECRET).id).toBe("evt_1");
    expect(() => stripe.webhooks.constructEvent(payload, header, "whsec_other")).toThrow();
  });

  it("retries with back-off until the receiver accepts, keeping creation order", async () => {
    harness.receiver.failNext = 2;
    const attemptsBefore = harness.receiver.attempts;
    const first = await harness.stripe.customers.create({ name: "first" });
    const second = await harness.stripe.customers.create({ name: "second" });
    await harness.receiver.waitForType("customer.created", second.id);

    expect(harness.receiver.attempts - attemptsBefore).toBe(4);
    const delivered = harness.receiver.events
      .filter((event) => event.type === "customer.created")
      .map((event) => (event.data.object as Stripe.Customer).id);
    expect(delivered).toEqual([first.id, second.id]);
    expect(harness.receiver.invalidSignatures).toBe(0);

    const events = await harness.stripe.events.list({ type: "customer.*", limit: 2 });
    expect(events.data.map((event) => event.type)).toEqual(["customer.created", "customer.created"]);
    expect(events.data[0]).toMatchObject({
      pending_webhooks: 0,
      api_version: Stripe.API_VERSION,
      livemode: false,
    });
    expect(events.data[0]?.request?.id).toMatch(/^req_/);
  });

  it("records previous_attributes on updates and filters events by created time", async () => {
    const customer = await harness.stripe.customers.create({ email: "old@example.com" });
    const since = harness.emulator.now();
    await harness.stripe.customers.update(customer.id, {
      email: "new@example.com",
      metadata: { tier: "gold" },
    });
    const updated = await harness.receiver.waitForType("customer.updated", customer.id);
    // As in Stripe, a key that did not exist before is listed with null.
    expect(updated.data.previous_attributes).toEqual({ email: "old@example.com", metadata: { tier: null } });
    const recent = await harness.stripe.events.list({ created: { gte: since }, type: "customer.updated" });
    expect(recent.data.map((event) => event.id)).toContain(updated.id);
  });

  it("treats a receiver that does not answer in time as a failure and retries", async () => {
    harness.receiver.stallNext = 1;
    const customer = await harness.stripe.customers.create({ name: "slow receiver" });
    const delivered = await harness.receiver.waitForType("customer.created", customer.id);
    expect(delivered.data.object).toMatchObject({ name: "slow receiver" });
  });

  it("stops retrying cleanly on close", async () => {
    const failing = await startHarness({ webhookRetry: { initialDelayMs: 10, maxDelayMs: 10 } });
    failing.receiver.failNext = Number.POSITIVE_INFINITY;
    await stripeClient(failing.emulator.port).customers.create({});
    // Retrying: the receiver has refused the event and seen it again.
    await vi.waitFor(() => expect(failing.receiver.attempts).toBeGreaterThan(1));
    await failing.emulator.close();
    // An attempt already on the wire when close() aborted it may still reach the receiver.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const attemptsAtClose = failing.receiver.attempts;
    expect(attemptsAtClose).toBeGreaterThan(1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(failing.receiver.attempts).toBe(attemptsAtClose);
    await failing.receiver.close();
  });
});

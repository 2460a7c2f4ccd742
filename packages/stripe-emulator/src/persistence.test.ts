import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type StripeEmulator, startStripeEmulator } from "./index";
import { customerWithCard, DAY, stripeClient, WEBHOOK_SECRET, WebhookReceiver } from "./test-support";

const directory = mkdtempSync(path.join(tmpdir(), "stripe-emulator-"));
const running: Array<{ close(): Promise<void> }> = [];

afterAll(async () => {
  await Promise.all(running.map((server) => server.close()));
  rmSync(directory, { recursive: true, force: true });
});

async function start(stateFile: string, webhookUrl?: string): Promise<StripeEmulator> {
  const emulator = await startStripeEmulator({
    stateFile,
    webhookUrl,
    webhookSecret: WEBHOOK_SECRET,
    webhookRetry: { initialDelayMs: 20, maxDelayMs: 50, maxAttempts: 1_000 },
  });
  running.push(emulator);
  return emulator;
}

describe("stateFile", () => {
  it("keeps customers, cards, subscriptions and the clock across a restart", async () => {
    const stateFile = path.join(directory, "state.json");
    const first = await start(stateFile);
    const stripe = stripeClient(first.port);
    const basicMonthlyPrice = () =>
      stripe.prices.create({
        currency: "usd",
        unit_amount: 1000,
        recurring: { interval: "month" },
        product_data: { name: "Basic" },
      });
    const { customerId, paymentMethodId } = await customerWithCard({ stripe });
    const subscription = await stripe.subscriptions.create({
      customer: customerId,
      items: [{ price: (await basicMonthlyPrice()).id }],
    });
    await first.advanceClock(3 * DAY);
    const clockBefore = first.now();
    await first.close();
    expect(readdirSync(directory).filter((name) => name.endsWith(".tmp"))).toEqual([]);

    const second = await start(stateFile);
    const restarted = stripeClient(second.port);
    expect(second.now()).toBeGreaterThanOrEqual(clockBefore);
    const customer = await restarted.customers.retrieve(customerId);
    expect(customer).toMatchObject({ invoice_settings: { default_payment_method: paymentMethodId } });
    expect((await restarted.subscriptions.retrieve(subscription.id)).status).toBe("active");
    await second.advanceClock(30 * DAY);
    expect((await restarted.invoices.list({ subscription: subscription.id })).data).toHaveLength(2);
  });

  it("delivers events queued before a restart", async () => {
    const stateFile = path.join(directory, "queue.json");
    const receiver = await WebhookReceiver.start();
    running.push(receiver);
    receiver.failNext = Number.POSITIVE_INFINITY;
    const first = await start(stateFile, receiver.url);
    const customer = await stripeClient(first.port).customers.create({ name: "queued" });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await first.close();
    expect(receiver.events).toHaveLength(0);

    receiver.failNext = 0;
    await start(stateFile, receiver.url);
    const delivered = await receiver.waitForType("customer.created", customer.id);
    expect(delivered.data.object).toMatchObject({ name: "queued" });
    expect(existsSync(stateFile)).toBe(true);
  });
});

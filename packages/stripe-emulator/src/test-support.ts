import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { type StripeEmulator, type StripeEmulatorOptions, startStripeEmulator } from "./index";

/*
 * Shared by the emulator's tests: an emulator on a free port, the real SDK pointed at it, and a
 * webhook receiver that verifies every delivery with `stripe.webhooks.constructEvent`.
 */

export const WEBHOOK_SECRET = "whsec_emulator_tests";

export class WebhookReceiver {
  readonly events: Stripe.Event[] = [];
  attempts = 0;
  invalidSignatures = 0;
  /** How many of the next deliveries to answer with 500, to exercise retries. */
  failNext = 0;
  /** How many of the next deliveries to leave unanswered, to exercise the sender's timeout. */
  stallNext = 0;
  private readonly server: Server;

  // Only used to verify signatures; it never calls the API.
  private readonly stripe = new Stripe("sk_test_signature_checks_only");

  private constructor(
    readonly url: string,
    server: Server,
  ) {
    this.server = server;
  }

  static async start(): Promise<WebhookReceiver> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const receiver = new WebhookReceiver(`http://127.0.0.1:${port}/webhooks/stripe`, server);
    server.on("request", (request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        receiver.attempts++;
        if (receiver.stallNext > 0) {
          receiver.stallNext--;
          return;
        }
        if (receiver.failNext > 0) {
          receiver.failNext--;
          response.writeHead(500).end();
          return;
        }
        try {
          const signature = String(request.headers["stripe-signature"]);
          receiver.events.push(
            receiver.stripe.webhooks.constructEvent(Buffer.concat(chunks), signature, WEBHOOK_SECRET),
          );
          response.writeHead(200).end();
        } catch {
          receiver.invalidSignatures++;
          response.writeHead(400).end();
        }
      });
    });
    return receiver;
  }

  types(): string[] {
    return this.events.map((event) => event.type);
  }

  /** Resolves with the first delivered event matching, polling briefly; fails with what arrived. */
  async waitFor(predicate: (event: Stripe.Event) => boolean, timeoutMs = 5_000): Promise<Stripe.Event> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.find(predicate);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`webhook not received; got: ${this.types().join(", ")}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  waitForType(type: string, objectId?: string): Promise<Stripe.Event> {
    return this.waitFor(
      (event) => event.type === type && (!objectId || (event.data.object as { id?: string }).id === objectId),
    );
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}

export interface Harness {
  emulator: StripeEmulator;
  stripe: Stripe;
  receiver: WebhookReceiver;
  close(): Promise<void>;
}

export function stripeClient(port: number): Stripe {
  return new Stripe("sk_test_emulator", { host: "127.0.0.1", port, protocol: "http", maxNetworkRetries: 0 });
}

export async function startHarness(options: Partial<StripeEmulatorOptions> = {}): Promise<Harness> {
  const receiver = await WebhookReceiver.start();
  const emulator = await startStripeEmulator({
    webhookSecret: WEBHOOK_SECRET,
    webhookUrl: receiver.url,
    webhookRetry: { initialDelayMs: 20, maxDelayMs: 100 },
    ...options,
  });
  return {
    emulator,
    stripe: stripeClient(emulator.port),
    receiver,
    async close() {
      await emulator.close();
      await receiver.close();
    },
  };
}

/** Saves a card through the hosted checkout page, as a customer would; returns the session id. */
export async function saveCardThroughCheckout(
  harness: Pick<Harness, "stripe">,
  customerId: string,
  cardNumber: string,
) {
  const session = await harness.stripe.checkout.sessions.create({
    mode: "setup",
    currency: "usd",
    customer: customerId,
    success_url: "https://app.example/return?session={CHECKOUT_SESSION_ID}",
    cancel_url: "https://app.example/cancel",
  });
  const response = await submitCardForm(session.url ?? "", cardNumber);
  if (response.status !== 303)
    throw new Error(`checkout failed with ${response.status}: ${await response.text()}`);
  const completed = await harness.stripe.checkout.sessions.retrieve(session.id, { expand: ["setup_intent"] });
  const setupIntent = completed.setup_intent as Stripe.SetupIntent;
  return { session: completed, paymentMethodId: setupIntent.payment_method as string };
}

export function submitCardForm(url: string, cardNumber: string, fields: Record<string, string> = {}) {
  const body = new URLSearchParams({ cardNumber, cardExpiry: "12 / 34", cardCvc: "123", ...fields });
  return fetch(url, { method: "POST", body, redirect: "manual" });
}

/** A customer whose invoice default is a card saved through checkout. */
export async function customerWithCard(harness: Pick<Harness, "stripe">, cardNumber = "4242424242424242") {
  const customer = await harness.stripe.customers.create({ email: `${crypto.randomUUID()}@example.com` });
  const { paymentMethodId } = await saveCardThroughCheckout(harness, customer.id, cardNumber);
  await harness.stripe.customers.update(customer.id, {
    invoice_settings: { default_payment_method: paymentMethodId },
  });
  return { customerId: customer.id, paymentMethodId };
}

export const DAY = 24 * 60 * 60;

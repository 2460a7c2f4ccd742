import { type APIRequestContext, expect } from "@playwright/test";
import type Stripe from "stripe";
import { present } from "../../tests/support/present";
import { queryDatabase } from "./api-database";
import { emulatorStripe, emulatorUrl } from "./stripe-test-helpers";

/** The Stripe customer the app made for one of our customers. */
export async function stripeCustomerIdOf(customerId: string): Promise<string> {
  const [row] = await queryDatabase<{ stripe_customer_id: string | null }>(
    "select stripe_customer_id from customers where id = $1",
    [customerId],
  );
  return present(row?.stripe_customer_id, `a Stripe customer of ${customerId}`);
}

/** The emulator's clock (seconds): the `created` of the events it makes from now on. */
export async function emulatorNow(request: APIRequestContext): Promise<number> {
  const response = await request.get(`${emulatorUrl()}/_emulator/health`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { now: number }).now;
}

const concerns = (event: Stripe.Event, stripeCustomerId: string) => {
  const object = event.data.object as { id?: string; customer?: unknown };
  return object.id === stripeCustomerId || object.customer === stripeCustomerId;
};

/**
 * Waits until every event Stripe (the emulator) made about the customer since `since` has been
 * delivered to the app and processed by it (its stripe_events row has processed_at), and returns
 * their types, oldest first. What the webhooks could still change has then been changed: a
 * "nothing changed" check after this is not a guess about timing.
 */
export async function stripeEventsProcessed(stripeCustomerId: string, since: number): Promise<string[]> {
  const ours = async () => {
    const events: Stripe.Event[] = [];
    for await (const event of emulatorStripe().events.list({ created: { gte: since }, limit: 100 }))
      if (concerns(event, stripeCustomerId)) events.push(event);
    return events.sort((a, b) => a.created - b.created);
  };
  let events: Stripe.Event[] = [];
  await expect
    .poll(
      async () => {
        events = await ours();
        const processed = await queryDatabase<{ id: string }>(
          "select id from stripe_events where id = any($1) and processed_at is not null",
          [events.map((event) => event.id)],
        );
        const done = new Set(processed.map((row) => row.id));
        return events.filter((event) => !done.has(event.id)).map((event) => `${event.type} ${event.id}`);
      },
      { timeout: 30_000, message: "Stripe events not yet processed by the app" },
    )
    .toEqual([]);
  return events.map((event) => event.type);
}

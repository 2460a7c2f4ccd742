import type Stripe from "stripe";

type Handlers = Partial<Record<string, (event: Stripe.Event) => Promise<void>>>;

/** Every `invoice.*` event the emulator recorded for one Stripe invoice, oldest first. */
export async function invoiceEvents(sdk: Stripe, stripeInvoiceId: string): Promise<Stripe.Event[]> {
  const events = await sdk.events.list({ type: "invoice.*", limit: 100 });
  return events.data
    .filter((event) => (event.data.object as { id: string }).id === stripeInvoiceId)
    .reverse();
}

/** Delivers the events one after the other to the handlers the webhook worker runs. */
export async function deliver(handlers: Handlers, events: readonly Stripe.Event[]): Promise<void> {
  for (const event of events) await handlers[event.type]?.(event);
}

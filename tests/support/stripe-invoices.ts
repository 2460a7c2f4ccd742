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

/**
 * An invoice sent for payment at Stripe (`collection_method=send_invoice`, as from Stripe's
 * dashboard), one item, finalized: open until paid, overdue once its due date passes. Returns
 * Stripe's id; the app hears of it only from its events.
 */
export async function sendInvoiceAtStripe(
  sdk: Stripe,
  options: { customer: string; currency: string; amount: number } & (
    | { daysUntilDue: number }
    | { dueDate: Date }
  ),
): Promise<string> {
  const draft = await sdk.invoices.create({
    customer: options.customer,
    currency: options.currency,
    collection_method: "send_invoice",
    ...("dueDate" in options
      ? { due_date: Math.floor(options.dueDate.getTime() / 1000) }
      : { days_until_due: options.daysUntilDue }),
  });
  const id = draft.id ?? "";
  await sdk.invoiceItems.create({
    customer: options.customer,
    invoice: id,
    amount: options.amount,
    currency: options.currency,
  });
  await sdk.invoices.finalizeInvoice(id);
  return id;
}

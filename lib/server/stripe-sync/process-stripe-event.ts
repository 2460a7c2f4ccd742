import type Stripe from "stripe";
import { db } from "../../db";
import { stripeEventHandlers } from "./stripe-event-handlers";

/**
 * Applies one received Stripe event, once. Handlers do not trust the event's snapshot: they
 * re-fetch the object from Stripe and converge our copy on it, so duplicates and any order of
 * arrival end in the same state. A throwing handler leaves the event unprocessed and the job
 * queue retries it.
 */
export async function processStripeEvent(stripeEventId: string): Promise<void> {
  const stored = await db().stripeEvent.findUnique({ where: { id: stripeEventId } });
  if (!stored || stored.processedAt) return;
  const event = stored.payload as unknown as Stripe.Event;
  const handler = stripeEventHandlers[event.type];
  try {
    if (handler) await handler(event);
  } catch (error) {
    await db().stripeEvent.update({
      where: { id: stripeEventId },
      data: { attempts: { increment: 1 }, lastError: (error as Error).message.slice(0, 1000) },
    });
    throw error;
  }
  await db().stripeEvent.updateMany({
    where: { id: stripeEventId, processedAt: null },
    data: { processedAt: new Date(), attempts: { increment: 1 }, lastError: null },
  });
}

import type Stripe from "stripe";
import { problemResponse, toAppError } from "@/lib/api/problem";
import { readRawBody } from "@/lib/api/read-json-body";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { stripe } from "@/lib/stripe/client";

// Stripe's own default tolerance; the contract allows at most 300 s.
const SIGNATURE_TOLERANCE_SECONDS = 300;

/**
 * Receives Stripe's events. The signature is checked over the raw body before anything is
 * written; the event is then recorded under its unique id (a redelivery is a no-op) and
 * acknowledged at once. The job queue applies it (lib/server/stripe-sync).
 */
export async function POST(request: Request) {
  try {
    const raw = await readRawBody(request);
    let event: Stripe.Event;
    try {
      event = stripe().webhooks.constructEvent(
        raw,
        request.headers.get("stripe-signature") ?? "",
        env().STRIPE_WEBHOOK_SECRET,
        SIGNATURE_TOLERANCE_SECONDS,
      );
    } catch (error) {
      throw new AppError("bad_request", `Webhook signature verification failed: ${(error as Error).message}`);
    }
    await db().stripeEvent.createMany({
      data: [{ id: event.id, type: event.type, payload: JSON.parse(raw) }],
      skipDuplicates: true,
    });
    return Response.json({ received: true });
  } catch (error) {
    return problemResponse(toAppError(error));
  }
}

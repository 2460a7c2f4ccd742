import { db } from "../../db";
import { stripe } from "../../stripe/client";
import { syncCustomerPaymentMethods } from "./sync-payment-methods";

/** A completed checkout marks its payment link used and brings the saved card in. */
export async function syncCheckoutSession(sessionId: string): Promise<void> {
  const session = await stripe().checkout.sessions.retrieve(sessionId);
  const linkId = session.metadata?.donutwork_payment_link_id ?? session.client_reference_id;
  if (session.status === "complete" && linkId) {
    await db().paymentLink.updateMany({
      where: { id: linkId, completedAt: null },
      data: { completedAt: new Date() },
    });
  }
  const customer = typeof session.customer === "string" ? session.customer : session.customer?.id;
  if (session.status === "complete" && customer) await syncCustomerPaymentMethods(customer);
}

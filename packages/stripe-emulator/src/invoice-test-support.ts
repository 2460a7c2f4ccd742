import type Stripe from "stripe";
import { customerWithCard, type Harness } from "./test-support";

/** An address Stripe Tax (and the emulator's table) taxes at 19 %. */
export const BERLIN: Stripe.AddressParam = {
  line1: "Friedrichstraße 1",
  city: "Berlin",
  postal_code: "10117",
  country: "DE",
};

/** A customer with a saved default card, named and (when given) at `address`. */
export async function customerIn(
  harness: Pick<Harness, "stripe">,
  address: Stripe.AddressParam | null,
  cardNumber?: string,
) {
  const { customerId, paymentMethodId } = await customerWithCard(harness, cardNumber);
  await harness.stripe.customers.update(customerId, {
    name: "Donut Works GmbH",
    ...(address ? { address } : {}),
  });
  return { customerId, paymentMethodId };
}

/** Stripe's flow for a one-time charge with a saved card: a draft, its item, finalize (pay is the caller's). */
export async function oneOffInvoice(
  harness: Pick<Harness, "stripe">,
  customerId: string,
  options: { amount: number; automaticTax: boolean },
) {
  const draft = await harness.stripe.invoices.create({
    customer: customerId,
    currency: "eur",
    collection_method: "charge_automatically",
    auto_advance: false,
    pending_invoice_items_behavior: "exclude",
    automatic_tax: { enabled: options.automaticTax },
    description: "Setup fee",
    metadata: { donutwork_charge_id: "charge_test" },
  });
  await harness.stripe.invoiceItems.create({
    customer: customerId,
    invoice: draft.id,
    amount: options.amount,
    currency: "eur",
    description: "Setup fee",
  });
  return harness.stripe.invoices.finalizeInvoice(draft.id);
}

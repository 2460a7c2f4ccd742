import type { Tx } from "../../db";
import { db } from "../../db";
import { AppError } from "../../errors/app-error";
import { getCustomerRowOrThrow } from "./get-customer";

/**
 * The Stripe ids a charge or subscription needs: only active customers with a default payment
 * method can be billed; anything else is a 409 saying why. The address columns come along for
 * lib/server/tax's check (`assertTaxableAddress(billing)`) before anything is billed.
 */
export async function getBillableCustomer(customerId: string, client: Tx = db()) {
  const customer = await getCustomerRowOrThrow(customerId, client);
  if (customer.status !== "active") {
    throw new AppError(
      "conflict",
      `Customer ${customerId} is ${customer.status}; only active customers can be billed.`,
    );
  }
  const billing = await client.customer.findUniqueOrThrow({
    where: { id: customerId },
    select: {
      stripeCustomerId: true,
      addressCountry: true,
      addressPostalCode: true,
      defaultPaymentMethod: { select: { stripePaymentMethodId: true } },
    },
  });
  if (!billing.stripeCustomerId || !billing.defaultPaymentMethod) {
    throw new AppError(
      "conflict",
      `Customer ${customerId} has no default payment method; send them a payment link first.`,
    );
  }
  return {
    stripeCustomerId: billing.stripeCustomerId,
    stripePaymentMethodId: billing.defaultPaymentMethod.stripePaymentMethodId,
    addressCountry: billing.addressCountry,
    addressPostalCode: billing.addressPostalCode,
  };
}

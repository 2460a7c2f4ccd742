import { env } from "../../env";
import { AppError } from "../../errors/app-error";
import { type TaxAddressColumns, untaxableReason } from "./taxable-address";

/** Whether subscriptions and charges are billed with Stripe Tax (STRIPE_AUTOMATIC_TAX). */
export function automaticTaxEnabled(): boolean {
  return env().STRIPE_AUTOMATIC_TAX;
}

/**
 * Refuses (409 naming `address`) to bill a customer whose address Stripe Tax cannot locate, while
 * automatic tax is on. Called before anything is created at Stripe, so a refusal changes nothing.
 */
export function assertTaxableAddress(customer: TaxAddressColumns, enabled = automaticTaxEnabled()): void {
  if (!enabled) return;
  const reason = untaxableReason(customer);
  if (!reason) return;
  throw new AppError("conflict", `The customer's address cannot be taxed: ${reason}.`, {
    errors: [{ field: "address", message: reason }],
  });
}

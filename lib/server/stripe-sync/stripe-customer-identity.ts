import type Stripe from "stripe";
import type { Customer } from "../../generated/prisma/client";
import { addressSelect } from "../../serializers/customer";

/** The columns that make the identity Stripe prints on invoices and locates tax by. */
export const identityColumns = {
  email: true,
  companyName: true,
  ...addressSelect,
} as const;

export type IdentityRow = Pick<Customer, keyof typeof identityColumns>;

/**
 * The Stripe customer's name (the legal name used for invoicing, else unset), email and full
 * address. An empty string is Stripe's way to clear a field, so a cleared column clears it there.
 */
export function stripeCustomerIdentity(row: IdentityRow) {
  return {
    name: row.companyName ?? "",
    email: row.email,
    address: {
      line1: row.addressLine1 ?? "",
      line2: row.addressLine2 ?? "",
      city: row.addressCity ?? "",
      state: row.addressState ?? "",
      postal_code: row.addressPostalCode ?? "",
      country: row.addressCountry,
    },
  } satisfies Stripe.CustomerUpdateParams;
}

/** Whether a change (Prisma update data) gives any identity column a new value. */
export function changesIdentity(current: IdentityRow, changes: Partial<Record<string, unknown>>): boolean {
  return (Object.keys(identityColumns) as (keyof IdentityRow)[]).some(
    (column) => changes[column] !== undefined && changes[column] !== current[column],
  );
}

import type { z } from "zod";
import type { addressSchema } from "../../validations/customer";

type AddressInput = Partial<z.infer<typeof addressSchema>>;

/** Maps an API address (or part of one, for PATCH) onto the customer's address columns. */
export function addressColumns(address: AddressInput) {
  const columns = {
    addressLine1: address.line1,
    addressLine2: address.line2,
    addressCity: address.city,
    addressState: address.state,
    addressPostalCode: address.postal_code,
    addressCountry: address.country,
  };
  // Leave out what the caller did not send, so a PATCH only touches the given fields.
  return Object.fromEntries(Object.entries(columns).filter(([, value]) => value !== undefined)) as Partial<
    typeof columns
  >;
}

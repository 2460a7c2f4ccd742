/** The address columns Stripe Tax locates a customer by (the customer row's, by their Prisma names). */
export interface TaxAddressColumns {
  addressCountry: string;
  addressPostalCode: string | null;
}

// The address formats Stripe Tax can locate: a US address
// needs a 5-digit ZIP or ZIP+4, a Canadian one a postal code (A1A 1A1); elsewhere the country is enough.
const US_POSTAL_CODE = /^\d{5}(-\d{4})?$/;
const CA_POSTAL_CODE = /^[A-Za-z]\d[A-Za-z][ -]?\d[A-Za-z]\d$/;

/** Why Stripe Tax could not locate this address, or null when it can. */
export function untaxableReason({ addressCountry, addressPostalCode }: TaxAddressColumns): string | null {
  const postalCode = addressPostalCode?.trim() ?? "";
  if (addressCountry === "US" && !US_POSTAL_CODE.test(postalCode)) {
    return "a US address needs a postal code of 5 digits or ZIP+4 (12345-6789) for Stripe Tax";
  }
  if (addressCountry === "CA" && !CA_POSTAL_CODE.test(postalCode)) {
    return "a Canadian address needs a postal code (A1A 1A1) for Stripe Tax";
  }
  return null;
}

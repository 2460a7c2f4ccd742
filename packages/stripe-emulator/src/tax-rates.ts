/**
 * The emulator's stand-in for Stripe Tax: one flat rate per country, so that tax is predictable
 * offline (the table is in the package README). Countries not listed are taxed at 0 % with
 * Stripe's `not_collecting` reason, as Stripe answers where the account has no registration.
 */
const RATES_BASIS_POINTS: Readonly<Record<string, number>> = {
  DE: 1900,
  FR: 2000,
  GB: 2000,
  NL: 2100,
};

export type TaxabilityReason = "standard_rated" | "not_collecting";

export interface TaxRate {
  /** The rate in hundredths of a percent: 1900 is 19 %. */
  rateBasisPoints: number;
  taxabilityReason: TaxabilityReason;
  /** The country the tax is for, upper case, or null for an address without one. */
  country: string | null;
}

export function taxFor(address: { country?: string | null } | null | undefined): TaxRate {
  const country = address?.country?.toUpperCase() || null;
  const rate = country ? RATES_BASIS_POINTS[country] : undefined;
  if (rate === undefined) return { rateBasisPoints: 0, taxabilityReason: "not_collecting", country };
  return { rateBasisPoints: rate, taxabilityReason: "standard_rated", country };
}

/** The tax on an amount in minor units, exclusive (added on top), rounded half up as Stripe does. */
export function exclusiveTax(amount: number, rate: TaxRate): number {
  return Math.round((amount * rate.rateBasisPoints) / 10_000);
}

/** Stripe's US and Canadian formats a tax location needs; elsewhere the country is enough. */
const POSTAL_CODE_FORMATS: Readonly<Record<string, RegExp>> = {
  US: /^\d{5}(-\d{4})?$/,
  CA: /^[A-Z]\d[A-Z][ -]?\d[A-Z]\d$/i,
};

export type AutomaticTaxStatus = "supported" | "not_collecting" | "unrecognized_location";

/**
 * The customer's `tax.automatic_tax`, as Stripe reports it: `unrecognized_location` when the
 * address cannot locate the customer, `not_collecting` where the table has no rate, else `supported`.
 */
export function automaticTaxStatus(
  address: { country?: string | null; postal_code?: string | null } | null | undefined,
): AutomaticTaxStatus {
  const country = address?.country?.toUpperCase();
  if (!country) return "unrecognized_location";
  const format = POSTAL_CODE_FORMATS[country];
  if (format && !format.test(address?.postal_code?.trim() ?? "")) return "unrecognized_location";
  return taxFor({ country }).taxabilityReason === "standard_rated" ? "supported" : "not_collecting";
}

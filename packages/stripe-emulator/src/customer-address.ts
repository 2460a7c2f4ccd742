import type Stripe from "stripe";
import { invalidParam } from "./errors";
import type { Params } from "./params";
import { automaticTaxStatus } from "./tax-rates";
import type { CustomerObject } from "./types";

const ADDRESS_FIELDS = ["line1", "line2", "city", "state", "postal_code", "country"] as const;

/**
 * The `address` of a create or update: undefined when not sent, null when sent empty (Stripe's
 * way to clear it), else `current` with the sent fields replaced (an empty field clears it).
 */
export function addressParam(
  params: Params,
  current: Stripe.Address | null,
): Stripe.Address | null | undefined {
  if (params.has("address") && !params.isObject("address") && params.string("address") === "") return null;
  const sent = params.object("address");
  if (!sent) return undefined;
  const address: Stripe.Address = {
    city: null,
    country: null,
    line1: null,
    line2: null,
    postal_code: null,
    state: null,
    ...current,
  };
  for (const field of ADDRESS_FIELDS) {
    const value = sent.nullableString(field);
    if (value !== undefined) address[field] = value;
  }
  if (address.country !== null && !/^[A-Z]{2}$/.test(address.country)) {
    throw invalidParam(
      sent.pathOf("country"),
      `Country '${address.country}' is unknown. Try using a 2-character alphanumeric country code instead, such as 'US', 'EG', or 'GB'.`,
    );
  }
  return address;
}

/** The customer's `tax` (an includable field: only with `expand[]=tax`, as in Stripe). */
export function customerTax(customer: CustomerObject): Stripe.Customer.Tax {
  const status = automaticTaxStatus(customer.address);
  const country = customer.address?.country;
  return {
    automatic_tax: status,
    ip_address: null,
    location:
      status !== "unrecognized_location" && country
        ? { country, source: "billing_address", state: customer.address?.state ?? null }
        : null,
    provider: "stripe",
  };
}

import type Stripe from "stripe";

/** The id behind an expandable field, whether it holds an id or (after expansion) an object. */
export function idOf(value: string | { id: string } | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === "string" ? value : value.id;
}

export function emptyAddress(): Stripe.Address {
  return { city: null, country: null, line1: null, line2: null, postal_code: null, state: null };
}

/** A list embedded in an object (`subscription.items`, `invoice.lines`, `charge.refunds`). */
export function embeddedList<T>(data: T[], url: string): Stripe.ApiList<T> {
  return { object: "list", data, has_more: false, url };
}

/** A deep copy to compare against after a change (`previous_attributes` of `*.updated` events). */
export function snapshot<T>(value: T): T {
  return structuredClone(value);
}

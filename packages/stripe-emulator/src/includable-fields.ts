import { customerTax } from "./customer-address";
import type { CustomerObject } from "./types";

type Include = (object: never) => unknown;

/**
 * Fields Stripe leaves out of an object unless `expand[]` names them ("includable" in its API
 * reference), computed from the stored object when asked for: so far the customer's `tax`.
 */
const INCLUDABLE: Partial<Record<string, Partial<Record<string, Include>>>> = {
  customer: { tax: (customer: CustomerObject) => customerTax(customer) },
};

/** The includable `field` of `target`, or undefined when the object has no such field. */
export function includableField(target: Record<string, unknown>, field: string): unknown {
  const include = INCLUDABLE[String(target.object)]?.[field];
  return include ? include(target as never) : undefined;
}

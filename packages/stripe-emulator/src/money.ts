import { invalidParam, invalidRequest } from "./errors";
import type { Params } from "./params";

/*
 * Money is always an integer amount of the currency's minor unit (cents for USD), as in Stripe.
 * Formatting happens only for human-readable text such as invoice line descriptions.
 */

// Stripe's minimum charge amounts (in minor units) for the currencies an app here is likely to use.
const MINIMUM_CHARGE: Record<string, number> = {
  usd: 50,
  eur: 50,
  cad: 50,
  aud: 50,
  chf: 50,
  gbp: 30,
  jpy: 50,
};

export function readCurrency(params: Params, name = "currency"): string {
  return normaliseCurrency(params.requiredString(name), params.pathOf(name));
}

export function normaliseCurrency(code: string, param = "currency"): string {
  const currency = code.toLowerCase();
  if (!/^[a-z]{3}$/.test(currency) || !isKnownCurrency(currency)) {
    throw invalidParam(param, `Invalid currency: ${code}.`);
  }
  return currency;
}

function isKnownCurrency(currency: string): boolean {
  try {
    new Intl.NumberFormat("en-US", { style: "currency", currency });
    return true;
  } catch {
    return false;
  }
}

function fractionDigits(currency: string): number {
  return (
    new Intl.NumberFormat("en-US", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ??
    2
  );
}

/** `4900, "usd"` → `$49.00`. */
export function formatAmount(amount: number, currency: string): string {
  const value = amount / 10 ** fractionDigits(currency);
  return new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase() }).format(
    value,
  );
}

/** Rejects charges below Stripe's minimum with Stripe's `amount_too_small` error. */
export function assertChargeableAmount(amount: number, currency: string): void {
  const minimum = MINIMUM_CHARGE[currency] ?? 1;
  if (amount < minimum) {
    throw invalidRequest(`Amount must be at least ${formatAmount(minimum, currency)} ${currency}`, {
      param: "amount",
      code: "amount_too_small",
    });
  }
}

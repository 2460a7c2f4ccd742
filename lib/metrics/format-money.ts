// Formats integer minor units for human-readable risk messages. The amount is turned into a
// decimal *string* ("198.00") and handed to Intl, so no float ever stands in for money.
import { assertInteger, normaliseCurrency } from "./integer-math";

/** e.g. formatMinorUnits(19800, "USD") → "$198.00", formatMinorUnits(500, "JPY") → "¥500". */
export function formatMinorUnits(amount: number, currency: string): string {
  assertInteger(amount, "amount", Number.MIN_SAFE_INTEGER);
  const formatter = new Intl.NumberFormat("en-US", {
    style: "currency",
    currency: normaliseCurrency(currency),
  });
  // Intl knows each currency's exponent (USD 2, JPY 0, KWD 3); that is exactly the minor-unit scale.
  const digits = formatter.resolvedOptions().maximumFractionDigits ?? 2;
  const magnitude = String(Math.abs(amount)).padStart(digits + 1, "0");
  const whole = magnitude.slice(0, magnitude.length - digits);
  const fraction = magnitude.slice(magnitude.length - digits);
  const decimal = `${amount < 0 ? "-" : ""}${whole}${digits > 0 ? `.${fraction}` : ""}`;
  return formatter.format(decimal as Intl.StringNumericLiteral);
}

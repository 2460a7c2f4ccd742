/**
 * Formats integer minor units (e.g. 19800 cents) in their currency: the one money formatter of
 * the app, for pages and for the messages the server writes (risk signals, graph labels). The
 * number of minor digits comes from Intl itself (2 for USD, 0 for JPY, 3 for KWD), so no
 * currency table is kept here, and the amount reaches Intl as a decimal *string* ("198.00"): no
 * float ever stands in for money, which keeps amounts past 2^53 / 100 exact. Without a currency
 * (a customer with no subscription has none) there is no amount to show: "—".
 */
export function formatMoney(
  minorUnits: number,
  currency: string | null | undefined,
  locale = "en-US",
): string {
  if (!Number.isSafeInteger(minorUnits)) throw new RangeError(`amount must be an integer, got ${minorUnits}`);
  if (!currency) return "—";
  let formatter: Intl.NumberFormat;
  try {
    formatter = new Intl.NumberFormat(locale, { style: "currency", currency: currency.toUpperCase() });
  } catch {
    // An unknown code: show the integer as stored, never guess the decimals.
    return `${minorUnits} ${currency} (minor units)`;
  }
  const digits = formatter.resolvedOptions().maximumFractionDigits ?? 2;
  const magnitude = String(Math.abs(minorUnits)).padStart(digits + 1, "0");
  const whole = magnitude.slice(0, magnitude.length - digits);
  const fraction = magnitude.slice(magnitude.length - digits);
  const decimal = `${minorUnits < 0 ? "-" : ""}${whole}${digits > 0 ? `.${fraction}` : ""}`;
  return formatter.format(decimal as Intl.StringNumericLiteral);
}

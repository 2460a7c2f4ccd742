/**
 * Formats integer minor units (e.g. 19800 cents) in their currency. The number of minor digits
 * comes from Intl itself (2 for USD, 0 for JPY, 3 for KWD), so no currency table is kept here.
 * The division happens only here, at the edge, on the way to a string. Without a currency
 * (a customer with no subscription has none) there is no amount to show: "—".
 */
export function formatMoney(
  minorUnits: number,
  currency: string | null | undefined,
  locale = "en-US",
): string {
  if (!currency) return "—";
  try {
    const formatter = new Intl.NumberFormat(locale, { style: "currency", currency: currency.toUpperCase() });
    const digits = formatter.resolvedOptions().maximumFractionDigits ?? 2;
    return formatter.format(minorUnits / 10 ** digits);
  } catch {
    // An unknown code: show the integer as stored, never guess the decimals.
    return `${minorUnits} ${currency} (minor units)`;
  }
}

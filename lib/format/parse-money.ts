/**
 * Reads an amount typed by a person ("49", "49.9", "1,234.50") as integer minor units of the
 * currency, the inverse of formatMoney: the number of minor digits comes from Intl (2 for USD,
 * 0 for JPY, 3 for KWD) and the digits are joined as text, so no float stands in for money.
 * null when the text is not an amount in that currency (more decimals than it has, a sign,
 * letters) or no currency is known yet.
 */
export function parseMoney(text: string, currency: string): number | null {
  const digits = minorDigitsOf(currency);
  if (digits === null) return null;
  const match = /^(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d*))?$/.exec(text.trim());
  if (!match || (!match[1] && !match[2])) return null;
  const whole = (match[1] ?? "0").replaceAll(",", "");
  const fraction = match[2] ?? "";
  if (fraction.length > digits) return null;
  const minor = Number(`${whole}${fraction.padEnd(digits, "0")}`);
  return Number.isSafeInteger(minor) ? minor : null;
}

/** Minor digits of an ISO 4217 code, or null when Intl does not know the code. */
export function minorDigitsOf(currency: string): number | null {
  if (!/^[A-Za-z]{3}$/.test(currency)) return null;
  try {
    const formatter = new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase() });
    return formatter.resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return null;
  }
}

import { describe, expect, it } from "vitest";
import { formatMoney } from "./money";

describe("formatMoney", () => {
  it.each([
    [19_800, "USD", "$198.00"],
    [5, "usd", "$0.05"],
    [-150, "EUR", "-€1.50"],
    [500, "JPY", "¥500"],
    [1234, "KWD", "KWD\u00a01.234"], // Intl puts a no-break space after a currency code
    [9_007_199_254_740_991, "USD", "$90,071,992,547,409.91"],
  ])("%i %s → %s", (amount, currency, expected) => {
    expect(formatMoney(amount, currency)).toBe(expected);
  });

  it("shows no amount without a currency, and the stored integer for an unknown code", () => {
    expect(formatMoney(4900, null)).toBe("—");
    expect(formatMoney(4900, "XYZW")).toBe("4900 XYZW (minor units)");
  });

  it("refuses a fractional amount rather than rounding money", () => {
    expect(() => formatMoney(10.5, "USD")).toThrow(RangeError);
  });
});

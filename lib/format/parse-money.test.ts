import { describe, expect, it } from "vitest";
import { formatMoney } from "./money";
import { parseMoney } from "./parse-money";

describe("parseMoney", () => {
  it.each([
    ["49", "USD", 4900],
    ["49.9", "USD", 4990],
    ["0.05", "usd", 5],
    [" 1,234.50 ", "EUR", 123450],
    [".5", "USD", 50],
    ["500", "JPY", 500],
    ["1.234", "KWD", 1234],
  ])("%s %s → %i minor units", (text, currency, expected) => {
    expect(parseMoney(text, currency)).toBe(expected);
  });

  it.each([
    ["", "USD"],
    [".", "USD"],
    ["1.234", "USD"], // more decimals than the currency has
    ["5.5", "JPY"],
    ["-5", "USD"],
    ["1e3", "USD"],
    ["12,34", "USD"],
    ["abc", "USD"],
    ["99999999999999999999", "USD"],
    ["10", "US"],
    ["10", "QQQQ"],
  ])("%j in %s is no amount", (text, currency) => {
    expect(parseMoney(text, currency)).toBeNull();
  });

  it("reads back what formatMoney writes, without the symbol", () => {
    for (const minor of [1, 99, 100, 4_900, 123_456_789]) {
      const shown = formatMoney(minor, "USD").replace("$", "");
      expect(parseMoney(shown, "USD")).toBe(minor);
    }
  });
});

import { describe, expect, it } from "vitest";
import { automaticTaxStatus, exclusiveTax, taxFor } from "./tax-rates";

describe("taxFor", () => {
  it.each([
    ["DE", 1900],
    ["FR", 2000],
    ["GB", 2000],
    ["NL", 2100],
  ])("taxes %s at its standard rate", (country, rateBasisPoints) => {
    expect(taxFor({ country })).toEqual({ rateBasisPoints, taxabilityReason: "standard_rated", country });
  });

  it("reads the country case-insensitively", () => {
    expect(taxFor({ country: "de" })).toEqual({
      rateBasisPoints: 1900,
      taxabilityReason: "standard_rated",
      country: "DE",
    });
  });

  it("collects nothing in a country outside the table", () => {
    expect(taxFor({ country: "US" })).toEqual({
      rateBasisPoints: 0,
      taxabilityReason: "not_collecting",
      country: "US",
    });
  });

  it("collects nothing for a customer without an address", () => {
    expect(taxFor(null)).toEqual({ rateBasisPoints: 0, taxabilityReason: "not_collecting", country: null });
  });
});

describe("exclusiveTax", () => {
  it("adds 19 % on 10,000 for Germany: 1,900", () => {
    expect(exclusiveTax(10_000, taxFor({ country: "DE" }))).toBe(1_900);
  });

  it("rounds to whole minor units", () => {
    expect(exclusiveTax(999, taxFor({ country: "NL" }))).toBe(210);
  });

  it("is 0 where nothing is collected", () => {
    expect(exclusiveTax(10_000, taxFor({ country: "US" }))).toBe(0);
  });
});

describe("automaticTaxStatus", () => {
  it("is supported for a German address", () => {
    expect(automaticTaxStatus({ country: "DE", postal_code: null })).toBe("supported");
  });

  it("is not_collecting for a locatable US address outside the table", () => {
    expect(automaticTaxStatus({ country: "US", postal_code: "94107" })).toBe("not_collecting");
  });

  it("is unrecognized_location for a US address without a postal code", () => {
    expect(automaticTaxStatus({ country: "US", postal_code: null })).toBe("unrecognized_location");
  });

  it("is unrecognized_location for a Canadian address with a malformed postal code", () => {
    expect(automaticTaxStatus({ country: "CA", postal_code: "12345" })).toBe("unrecognized_location");
  });

  it("is unrecognized_location without an address", () => {
    expect(automaticTaxStatus(null)).toBe("unrecognized_location");
  });
});

import { describe, expect, it } from "vitest";
import { AppError } from "../../errors/app-error";
import { assertTaxableAddress } from "./automatic-tax";

const address = (addressCountry: string, addressPostalCode: string | null = null) => ({
  addressCountry,
  addressPostalCode,
});

function refusal(run: () => void): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("assertTaxableAddress with automatic tax on", () => {
  it.each([
    ["a German address with only the country", address("DE")],
    ["a US address with a 5-digit ZIP", address("US", "94107")],
    ["a US address with a ZIP+4", address("US", "94107-1234")],
    ["a Canadian address with a postal code", address("CA", "K1A 0B1")],
    ["a Canadian postal code without the space", address("CA", "k1a0b1")],
  ])("accepts %s", (_name, customer) => {
    expect(() => assertTaxableAddress(customer, true)).not.toThrow();
  });

  it.each([
    ["a US address without a postal code", address("US")],
    ["a US address with a blank postal code", address("US", "  ")],
    ["a US address with a 4-digit postal code", address("US", "9410")],
    ["a US address with a British postcode", address("US", "SW1A 1AA")],
    ["a Canadian address without a postal code", address("CA")],
    ["a Canadian address with a US ZIP", address("CA", "94107")],
  ])("refuses %s with a conflict naming address", (_name, customer) => {
    const error = refusal(() => assertTaxableAddress(customer, true));
    expect(error.code).toBe("conflict");
    expect(error.options.errors).toEqual([
      { field: "address", message: expect.stringContaining("postal code") },
    ]);
  });
});

describe("assertTaxableAddress with automatic tax off", () => {
  it("accepts a US address without a postal code", () => {
    expect(() => assertTaxableAddress(address("US"), false)).not.toThrow();
  });
});

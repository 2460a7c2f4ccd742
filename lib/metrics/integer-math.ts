// Integer helpers shared by the metric functions. Money is integer minor units end to end; the
// only division (normalising to a month, percent discounts) goes through `divideRoundingHalfUp`.

/** Throws a RangeError unless `value` is a safe integer >= `min`: bad input fails loudly, never rounds. */
export function assertInteger(value: number, name: string, min = 0): void {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new RangeError(`${name} must be an integer >= ${min}, got ${value}`);
  }
}

/**
 * numerator / denominator rounded to the nearest integer, halves rounded up. Both operands are
 * non-negative, so "half up" is the same as "half away from zero". BigInt keeps the intermediate
 * products (amount × quantity × 10 000 basis points) exact far beyond 2^53.
 */
export function divideRoundingHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (numerator < 0n || denominator <= 0n) {
    throw new RangeError("divideRoundingHalfUp takes a non-negative numerator and a positive denominator");
  }
  // floor((n + d/2) / d) without fractions: floor((2n + d) / 2d). BigInt division truncates,
  // which is floor for non-negative operands.
  return (2n * numerator + denominator) / (2n * denominator);
}

/** Converts back to a number, refusing values that a number could not hold exactly. */
export function toSafeNumber(value: bigint, name: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`${name} is too large to represent exactly`);
  }
  return Number(value);
}

/** Upper-cases and checks an ISO 4217 code, so "usd" and "USD" land in the same bucket. */
export function normaliseCurrency(currency: string): string {
  const code = currency.toUpperCase();
  if (!/^[A-Z]{3}$/.test(code)) throw new RangeError(`currency must be an ISO 4217 code, got "${currency}"`);
  return code;
}

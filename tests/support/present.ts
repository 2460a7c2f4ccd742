/**
 * The value, or a failure that says what was missing. Narrowing for tests: a non-null assertion
 * would let a missing value through to fail later as an unrelated TypeError.
 */
export function present<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`expected ${what}, found ${String(value)}`);
  return value;
}

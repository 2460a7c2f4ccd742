/** A whole number typed into a form ("3"), or null while it is not one. */
export function wholeNumber(text: string): number | null {
  return /^\s*\d{1,9}\s*$/.test(text) ? Number(text) : null;
}

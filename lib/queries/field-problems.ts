import { ApiProblem } from "./api-fetch";

/** A failed write's field problems by field (`amount`, `address.country`), to show beside each field. */
export function problemsByField(error: unknown): Partial<Record<string, string>> {
  return error instanceof ApiProblem
    ? Object.fromEntries(error.errors.map((problem) => [problem.field, problem.message]))
    : {};
}

/** Whether the error names no field, so the form shows it as a whole rather than beside one. */
export const isGeneralError = (error: unknown) =>
  error !== null && !(error instanceof ApiProblem && error.errors.length > 0);

import { ZodError } from "zod";
import { Prisma } from "../generated/prisma/client";
import { ApiError, type FieldError, validationFailed } from "./api-error";
import { unavailable } from "./database-circuit";
import { fieldErrorsOf } from "./zod-field-errors";

export { problemResponse } from "./problem-response";

/**
 * Maps anything thrown by a handler to an ApiError: our own errors as they are, zod errors to
 * 422 naming every field, Prisma's known errors to 404/409, a lost database to 503, and
 * anything else to a 500 that says nothing about internals.
 */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof ZodError) return validationFailed(fieldErrorsOf(error));
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P2025") return new ApiError("not_found", "The resource does not exist.");
    if (error.code === "P2002")
      return new ApiError("conflict", "The resource conflicts with an existing one.");
  }
  if (isDatabaseUnavailable(error)) return unavailable();
  return new ApiError("internal", "Something went wrong on our side. It has been logged.");
}

export function isDatabaseUnavailable(error: unknown): boolean {
  const text = `${(error as { code?: string })?.code ?? ""} ${(error as Error)?.message ?? ""}`;
  return /ECONNREFUSED|ECONNRESET|EPIPE|57P01|57P03|08006|08001|P1001|P1017|Connection terminated|not queryable|timeout exceeded when trying to connect|Query read timeout|DatabaseNotReachable|connect ETIMEDOUT/i.test(
    text,
  );
}

export type { FieldError };

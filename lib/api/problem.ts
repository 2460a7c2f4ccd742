import { ZodError } from "zod";
import { Prisma } from "../generated/prisma/client";
import { ApiError, type FieldError, validationFailed } from "./api-error";
import { unavailable } from "./database-circuit";
import { databaseFailureOf } from "./database-errors";
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
  const failure = databaseFailureOf(error);
  if (failure === "gone") return unavailable();
  if (failure === "busy")
    return new ApiError("service_unavailable", "The database is busy; retry shortly.", {
      headers: { "retry-after": "1" },
    });
  if (failure === "too_slow")
    return new ApiError(
      "service_unavailable",
      "The database cancelled this request for running longer than its time limit; retry later or ask for less.",
      { headers: { "retry-after": "5" } },
    );
  return new ApiError("internal", "Something went wrong on our side. It has been logged.");
}

export type { FieldError };

import { ZodError } from "zod";
import { AppError, type FieldError, validationFailed } from "../errors/app-error";
import { databaseFailureOf, unavailable } from "../errors/database-failure";
import { fieldErrorsOf } from "../errors/field-errors";
import { Prisma } from "../generated/prisma/client";

export { problemResponse } from "./problem-response";

/**
 * Maps anything thrown by a handler to an AppError: our own errors as they are, zod errors to
 * 422 naming every field, Prisma's known errors to 404/409, a lost database to 503, and
 * anything else to a 500 that says nothing about internals.
 */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) return validationFailed(fieldErrorsOf(error));
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P2025") return new AppError("not_found", "The resource does not exist.");
    if (error.code === "P2002")
      return new AppError("conflict", "The resource conflicts with an existing one.");
  }
  const failure = databaseFailureOf(error);
  if (failure === "gone") return unavailable();
  if (failure === "busy")
    return new AppError("service_unavailable", "The database is busy; retry shortly.", {
      retryAfterSeconds: 1,
    });
  if (failure === "too_slow")
    return new AppError(
      "service_unavailable",
      "The database cancelled this request for running longer than its time limit; retry later or ask for less.",
      { retryAfterSeconds: 5 },
    );
  return new AppError("internal", "Something went wrong on our side. It has been logged.");
}

export type { FieldError };

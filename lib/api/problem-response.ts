import type { AppError } from "../errors/app-error";
import { PROBLEMS } from "./problem-types";

const PROBLEM_CONTENT_TYPE = "application/problem+json";

/**
 * Renders a domain error as an RFC 9457 problem details response. Apart from lib/api/problem.ts
 * (which maps database errors, and so loads the Prisma client) so that the proxy can answer with it.
 */
export function problemResponse(error: AppError, headers: Record<string, string> = {}): Response {
  const { title, status } = PROBLEMS[error.code];
  const body: Record<string, unknown> = {
    type: `/problems/${error.code.replaceAll("_", "-")}`,
    title,
    status,
    detail: error.message,
    ...(error.options.errors ? { errors: error.options.errors } : {}),
    ...error.options.extra,
  };
  const retryAfter = error.options.retryAfterSeconds;
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      "content-type": PROBLEM_CONTENT_TYPE,
      ...(retryAfter === undefined ? {} : { "retry-after": String(retryAfter) }),
      ...headers,
    },
  });
}

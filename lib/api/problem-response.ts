import { type ApiError, PROBLEMS } from "./api-error";

const PROBLEM_CONTENT_TYPE = "application/problem+json";

/**
 * Renders an ApiError as an RFC 9457 problem details response. Apart from lib/api/problem.ts
 * (which maps database errors, and so loads the Prisma client) so that the proxy can answer with it.
 */
export function problemResponse(error: ApiError): Response {
  const { title, status } = PROBLEMS[error.code];
  const body: Record<string, unknown> = {
    type: `/problems/${error.code.replaceAll("_", "-")}`,
    title,
    status,
    detail: error.message,
    ...(error.options.errors ? { errors: error.options.errors } : {}),
    ...error.options.extra,
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": PROBLEM_CONTENT_TYPE, ...error.options.headers },
  });
}

import { NextResponse } from "next/server";
import { problemResponse } from "../api/problem-response";
import { AppError } from "../errors/app-error";

/**
 * Whether a path has a segment that is not valid percent-encoded UTF-8 (`%ED%A0%80`, `%FF`, `%`,
 * `%zz`). Next decodes dynamic route parameters with decodeURIComponent, throws a DecodeError on
 * such a segment and then looks for a `/400` page, which an App Router app does not have: the
 * request ends as a plain-text 500 (node_modules/next/dist/server/lib/router-server.js). The
 * proxy answers these paths before Next gets that far.
 */
export function isMalformedPath(pathname: string): boolean {
  if (!pathname.includes("%")) return false;
  try {
    for (const segment of pathname.split("/")) decodeURIComponent(segment);
    return false;
  } catch {
    return true;
  }
}

/** The JSON API (and its CSV export), Stripe's webhook and the API's catch-all: answered with problem documents, not pages. */
export const isApiPath = (pathname: string) =>
  pathname.startsWith("/api/") ||
  pathname.startsWith("/webhooks/") ||
  pathname.endsWith(".json") ||
  pathname === "/customers.csv";

/** A path no route serves: a page request rewritten onto it gets Next's not-found page and a 404. */
export const NOT_FOUND_PATH = "/_malformed-path";

/** An API path with a malformed segment: a 400 problem naming the path, as any other bad input. */
export function malformedApiPathResponse(): NextResponse {
  const problem = problemResponse(
    new AppError("bad_request", "The path is not valid percent-encoded UTF-8.", {
      errors: [{ field: "path", message: "must be valid percent-encoded UTF-8" }],
    }),
    { "cache-control": "no-store" },
  );
  return new NextResponse(problem.body, { status: problem.status, headers: problem.headers });
}

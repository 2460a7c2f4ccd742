/**
 * The JSON API's fixed security headers (pages get a per-request nonce CSP from proxy.ts instead).
 * next.config.mjs sets the same list on Stripe's webhook (`/webhooks/*`); a unit test keeps the
 * two equal.
 */
export const API_HEADERS: readonly (readonly [name: string, value: string])[] = Object.freeze([
  ["content-security-policy", "default-src 'none'; frame-ancestors 'none'"],
  ["x-content-type-options", "nosniff"],
  ["referrer-policy", "strict-origin-when-cross-origin"],
  ["x-frame-options", "DENY"],
  ["cache-control", "no-store"],
] as const);

// The public API's paths end in `.json` (`/customers.json`, `/customers/{id}.json`), which App
// Router folders cannot be named as; the route handlers live under app/api. This is the map from
// one to the other that six `beforeFiles` rewrites in next.config.mjs used to be, with their
// matching rules: literal parts in any case (Next matches rewrites case-insensitively), a
// parameter is one non-empty path segment, and the `/api/customers…` destinations are literal
// while the others take the collection's name as it was sent.
const MAPPED =
  /^\/(?:customers((?:\/[^/]+){0,2})|((?:metrics|webhook_endpoints|api_keys|staff_users)|metrics\/(?:mrr|movements)|(?:subscriptions|charges|webhook_endpoints|api_keys|staff_users)\/[^/]+|(?:subscriptions|charges)\/[^/]+\/[^/]+))\.json$/i;

const CSV_EXPORT_PATH = "/customers.csv";

export interface ApiRequest {
  /** The path and query Next should route instead (`/api/customers?limit=5`), if it is mapped. */
  rewriteTo?: string;
  /** Whether the response gets API_HEADERS (what next.config.mjs's `headers()` used to match). */
  apiHeaders: boolean;
}

/**
 * What the front door does with a request's URL (`request.url`: path and query as sent). Paths
 * are compared as Next compares them: after WHATWG URL parsing (`/x/../customers.json` is
 * `/customers.json`). Paths Next answers with a redirect before any rewrite or header applies
 * (repeated slashes, backslashes, a trailing slash) are left to it untouched.
 */
export function apiRequestOf(url: string): ApiRequest | undefined {
  if (!url.startsWith("/") || url.includes("\\")) return undefined;
  const queryAt = url.indexOf("?");
  const rawPath = queryAt === -1 ? url : url.slice(0, queryAt);
  if (rawPath.includes("//")) return undefined;
  let pathname: string;
  try {
    pathname = new URL(`http://n${url}`).pathname;
  } catch {
    return undefined;
  }
  if (pathname.endsWith("/")) return undefined;
  const lower = pathname.toLowerCase();
  // The CSV export is the one API path without `.json` (proxy.ts's matcher leaves it to the API
  // too); its handler has a folder of its own, so no `/customers/{id}.json` reaches it.
  if (pathname === CSV_EXPORT_PATH) {
    return { apiHeaders: true, rewriteTo: `/api/customers-csv${queryAt === -1 ? "" : url.slice(queryAt)}` };
  }
  const apiHeaders = lower.endsWith(".json") || lower === "/api" || lower.startsWith("/api/");
  if (!apiHeaders) return undefined;
  // Only a lower-case `.json`: proxy.ts's matcher leaves exactly those paths to the API, and any
  // other spelling reached the proxy's page gate first, as it still does.
  const mapped = pathname.endsWith(".json") ? MAPPED.exec(pathname) : null;
  if (!mapped) return { apiHeaders };
  const query = queryAt === -1 ? "" : url.slice(queryAt);
  const stem = pathname.slice(0, -".json".length);
  // A last parameter of `.` or `..` would be a dot segment of the rewritten path, which URL
  // parsing removes (`/api/customers/..` is `/api/`, which Next redirects); with its `.json` kept
  // it stays a parameter (or a path the API's catch-all answers), a 404 problem either way.
  if (DOT_SEGMENT.test(stem.slice(stem.lastIndexOf("/") + 1)))
    return { apiHeaders, rewriteTo: `/api${pathname}${query}` };
  const customersRest = mapped[1];
  const rewritten =
    customersRest === undefined ? `/api/${mapped[2] ?? ""}` : `/api/customers${customersRest}`;
  return { apiHeaders, rewriteTo: rewritten + query };
}

/** What the WHATWG URL parser takes for `.` or `..` (single-dot and double-dot path segments). */
const DOT_SEGMENT = /^(?:\.|%2e){1,2}$/i;

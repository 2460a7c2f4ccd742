import { type NextRequest, NextResponse } from "next/server";
import { isDevelopment } from "./lib/env";
import {
  isApiPath,
  isMalformedPath,
  malformedApiPathResponse,
  NOT_FOUND_PATH,
} from "./lib/proxy/malformed-path";
import { signedOutRedirect } from "./lib/proxy/page-gate";

/**
 * Runs before Next routes a request:
 * - a path with invalid percent-encoding is answered here (Next itself would answer a 500);
 * - a staff page requested without a session cookie is redirected to sign-in with an empty body
 *   (the optimistic gate; the real check is in the pages' data access, lib/auth/current-staff.ts);
 * - every page gets security headers with a fresh CSP nonce. Next reads the nonce from the
 *   request's Content-Security-Policy header and stamps it on its own scripts, so pages need no
 *   inline script of their own. Styles: our CSS is served from 'self'; style *attributes* stay
 *   allowed because React Flow positions its nodes with them.
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const malformed = isMalformedPath(pathname);
  // API paths reach the proxy only when they hold a `%` (see the matcher below).
  if (isApiPath(pathname)) return malformed ? malformedApiPathResponse() : NextResponse.next();

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = contentSecurityPolicy(nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  // The page a signed-out visitor asked for, so sign-in can send them back there.
  requestHeaders.set("x-pathname", pathname + request.nextUrl.search);

  const response = malformed
    ? NextResponse.rewrite(new URL(NOT_FOUND_PATH, request.url), { request: { headers: requestHeaders } })
    : (signedOutRedirect(request, requestHeaders) ??
      NextResponse.next({ request: { headers: requestHeaders } }));
  response.headers.set("content-security-policy", policy);
  response.headers.set("x-content-type-options", "nosniff");
  response.headers.set("referrer-policy", "strict-origin-when-cross-origin");
  response.headers.set("x-frame-options", "DENY");
  return response;
}

function contentSecurityPolicy(nonce: string): string {
  const development = isDevelopment();
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export const config = {
  matcher: [
    // Pages. Next's static files never change per request, and the JSON API (and Stripe's
    // webhook) get fixed headers from next.config.mjs: a per-request nonce means nothing to JSON,
    // and the API's throughput is measured against a bare server (bench/api/README.md).
    // The CSV export (/customers.csv) is API too: an API key must not be sent to sign-in.
    { source: "/((?!_next/static|_next/image|favicon.ico|api/|webhooks/|.*\\.json$|customers\\.csv$).*)" },
    // Any path with a percent sign, API paths included, so that a malformed one is answered here.
    { source: "/(.*%.*)" },
  ],
};

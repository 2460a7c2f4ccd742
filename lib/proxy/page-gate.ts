import { type NextRequest, NextResponse } from "next/server";

// Pages anyone may open: signing in, the customer-facing payment pages, the API reference.
// Everything else the proxy sees is a staff page (or a path nobody serves).
const PUBLIC_PAGES = [/^\/sign-in(\/|$)/, /^\/pay(\/|$)/, /^\/docs\/api(\/|$)/];

// Auth.js's session cookie: `__Secure-` on https, split into `.0`, `.1`, … when it is long.
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

/**
 * The proxy's early, optimistic gate: a staff page requested without any session cookie is sent
 * to sign-in before anything renders, whatever the request's RSC or prefetch headers: rewritten
 * onto app/api/sign-in-gate, which answers the redirect with an empty body. It reads only the
 * cookie's presence; whether the session is real is decided where the data is read
 * (lib/auth/current-staff.ts), so a forged or revoked cookie passes here and is refused there.
 */
export function signedOutRedirect(request: NextRequest, requestHeaders: Headers): NextResponse | null {
  const { pathname } = request.nextUrl;
  if (PUBLIC_PAGES.some((page) => page.test(pathname))) return null;
  if (request.cookies.getAll().some((cookie) => SESSION_COOKIE.test(cookie.name))) return null;
  // The way back travels in the request's x-pathname header (set by the proxy), which the route
  // handler reads: a rewrite's own query does not reach it.
  return NextResponse.rewrite(new URL("/api/sign-in-gate", request.url), {
    request: { headers: requestHeaders },
  });
}

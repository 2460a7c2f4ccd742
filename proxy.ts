import { type NextRequest, NextResponse } from "next/server";

/**
 * Security headers on every response, with a fresh CSP nonce per request. Next reads the
 * nonce from the request's Content-Security-Policy header and stamps it on its own scripts
 * (https://nextjs.org/docs/app/guides/content-security-policy), so pages need no inline
 * script of their own. Styles: our CSS is served from 'self'; style *attributes* stay allowed
 * because React Flow positions its nodes with them.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const development = process.env.NODE_ENV === "development";
  const policy = [
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

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  // The page a signed-out visitor asked for, so sign-in can send them back there.
  requestHeaders.set("x-pathname", request.nextUrl.pathname + request.nextUrl.search);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  response.headers.set("x-content-type-options", "nosniff");
  response.headers.set("referrer-policy", "strict-origin-when-cross-origin");
  response.headers.set("x-frame-options", "DENY");
  return response;
}

export const config = {
  // Pages only. Next's static files never change per request, and the JSON API (and Stripe's
  // webhook) get fixed headers from next.config.mjs: a per-request nonce means nothing to JSON,
  // and the API's throughput is measured against a bare server (issue 6).
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|api/|webhooks/|.*\\.json$).*)" }],
};

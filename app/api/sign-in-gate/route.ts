import { signInUrl } from "@/lib/auth/sign-in-url";

/**
 * Where the proxy's gate rewrites a signed-out page request (lib/proxy/page-gate.ts): a redirect
 * to sign-in with the way back and an empty body. (A redirect answered by the proxy itself gets
 * its Location written into the body by Next, node_modules/next/dist/server/lib/router-server.js.)
 * The way back is the page's path and query, from the proxy's x-pathname header. Asked for
 * directly, with any header, it can only ever send the visitor to this site's sign-in page.
 */
function redirectToSignIn(request: Request): Response {
  const from = request.headers.get("x-pathname") ?? "/customers";
  return new Response(null, {
    status: 307,
    headers: { location: signInUrl(from), "cache-control": "no-store" },
  });
}

export const GET = redirectToSignIn;
export const HEAD = redirectToSignIn;
export const POST = redirectToSignIn;
export const PUT = redirectToSignIn;
export const PATCH = redirectToSignIn;
export const DELETE = redirectToSignIn;

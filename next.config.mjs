/**
 * The public API's `.json` paths are mapped onto the route handlers under app/api, and get the
 * API's fixed security headers, in the app's own front door (lib/http/front-door.ts), before
 * Next matches anything: here only what the front door leaves to Next remains.
 * @type {import('next').NextConfig}
 */
const nextConfig = {
  poweredByHeader: false,
  // Separate build folders let several checkouts' test runs build side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  reactStrictMode: true,
  // `npm run check` type-checks the whole project (scripts, tests, emulator included); doing it
  // again inside every build would only slow down `npm start` and CI.
  typescript: { ignoreBuildErrors: true },
  // forbidden(): the data-access layer's answer to a role without the right (lib/auth/current-staff.ts).
  experimental: { authInterrupts: true },
  // Stripe's webhook gets the JSON API's fixed security headers (API_HEADERS in
  // lib/http/api-paths.ts, which the front door sets on the API's responses; a unit test keeps
  // the two lists equal). Pages get a per-request nonce CSP from proxy.ts.
  async headers() {
    return [
      {
        source: "/webhooks/:path*",
        headers: [
          { key: "content-security-policy", value: "default-src 'none'; frame-ancestors 'none'" },
          { key: "x-content-type-options", value: "nosniff" },
          { key: "referrer-policy", value: "strict-origin-when-cross-origin" },
          { key: "x-frame-options", value: "DENY" },
          { key: "cache-control", value: "no-store" },
        ],
      },
    ];
  },
  async rewrites() {
    return {
      // A .json path the front door does not map and no route serves is an API path nobody
      // serves: the API's catch-all answers it with a 404 problem document, not the HTML page.
      fallback: [{ source: "/:path(.*\\.json)", destination: "/api/:path" }],
    };
  },
};

export default nextConfig;

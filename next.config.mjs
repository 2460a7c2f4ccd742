/**
 * The public API's paths end in `.json` (`/customers.json`, `/customers/{id}.json`), which App
 * Router folders cannot be named as; the route handlers live under app/api and are mapped onto
 * those paths here, before any page matches.
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
  // The API's security headers, fixed (pages get a per-request nonce CSP from proxy.ts).
  async headers() {
    const apiHeaders = [
      { key: "content-security-policy", value: "default-src 'none'; frame-ancestors 'none'" },
      { key: "x-content-type-options", value: "nosniff" },
      { key: "referrer-policy", value: "strict-origin-when-cross-origin" },
      { key: "x-frame-options", value: "DENY" },
      { key: "cache-control", value: "no-store" },
    ];
    return ["/:path(.*\\.json)", "/customers.csv", "/api/:path*", "/webhooks/:path*"].map((source) => ({
      source,
      headers: apiHeaders,
    }));
  },
  async rewrites() {
    return {
      beforeFiles: [
        { source: "/customers.json", destination: "/api/customers" },
        { source: "/customers.csv", destination: "/api/customers/export" },
        { source: "/customers/:id.json", destination: "/api/customers/:id" },
        { source: "/customers/:id/:resource.json", destination: "/api/customers/:id/:resource" },
        {
          source: "/:collection(metrics|webhook_endpoints|api_keys|staff_users).json",
          destination: "/api/:collection",
        },
        {
          source: "/:collection(subscriptions|charges|webhook_endpoints|api_keys|staff_users)/:id.json",
          destination: "/api/:collection/:id",
        },
        {
          source: "/:collection(subscriptions|charges)/:id/:action.json",
          destination: "/api/:collection/:id/:action",
        },
      ],
      // Any other .json path is an API path nobody serves: the API's catch-all answers it with
      // a 404 problem document instead of the HTML not-found page.
      fallback: [{ source: "/:path(.*\\.json)", destination: "/api/:path" }],
    };
  },
};

export default nextConfig;

import path from "node:path";

/**
 * The framework floor (bench/api/README.md): Next.js with nothing of ours but one route handler,
 * built into its own folder so that it never touches the app's builds. Turbopack's root is the
 * repository, whose modules (floor-queries.ts, lib/server/customers/customer-sql.ts) it imports.
 * @type {import('next').NextConfig}
 */
const nextConfig = {
  distDir: ".next-bench-floor",
  turbopack: { root: path.resolve(import.meta.dirname, "../../..") },
  // `npm run check` type-checks this folder with the rest of the repository.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;

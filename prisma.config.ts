import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

// Prisma 6.19 with the JavaScript engine: migrations run through the pg driver adapter,
// so nothing is downloaded (the Prisma 7 CLI fetches a schema engine at run time, from a host
// these machines cannot reach; README "Migrations"). DATABASE_URL is set by scripts/migrate.ts.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL ?? "" }),
});

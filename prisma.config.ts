import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

// Prisma 6.19 with the JavaScript engine: migrations run through the pg driver adapter,
// so nothing is downloaded (see ../shared/STACK.md). DATABASE_URL is set by scripts/migrate.ts.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL ?? "" }),
});
